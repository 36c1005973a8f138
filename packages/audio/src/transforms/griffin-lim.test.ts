import { Generator, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { GriffinLim } from './griffin-lim';

describe('GriffinLim', () => {
  const fx = fixture('ta_griffinlim');

  it('matches torchaudio from zero phase and from seeded random phases', () => {
    const spec = toTensor(fx.inputs.specgram);
    expect(errors(new GriffinLim({ nFft: 64, hopLength: 16, nIter: 8, randInit: false, length: 640 })(spec), fx.expected.zero_init).maxRel).toBeLessThan(1e-4);
    const g = new GriffinLim({ nFft: 64, hopLength: 16, nIter: 4, length: 640, generator: new Generator(7) });
    expect(errors(g(spec), fx.expected.rand_init_seed7).maxRel).toBeLessThan(1e-4);
    expect(g.length).toBe(640);
  });

  it('rejects a momentum of 1 or more', () => {
    expect(() => new GriffinLim({ momentum: 1 })).toThrowError(new ValueError('GriffinLim: momentum must be in the range [0, 1), got 1'));
  });
});
