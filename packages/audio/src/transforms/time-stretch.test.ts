import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { TimeStretch } from './time-stretch';

describe('TimeStretch', () => {
  const fx = fixture('ta_deltas_stretch');
  const z = toTensor(fx.inputs.complex_spec);

  it('matches torchaudio with a rate per call and a fixed rate', () => {
    expect(errors(new TimeStretch({ hopLength: 16, nFreq: 33 })(z, 1.3), fx.expected.stretch_1_3).maxRel).toBeLessThan(1e-4);
    expect(errors(new TimeStretch({ hopLength: 16, nFreq: 33, fixedRate: 0.8 })(z), fx.expected.stretch_0_8).maxRel).toBeLessThan(1e-4);
    expect(new TimeStretch().phase_advance.shape).toEqual([201, 1]);
  });

  it('needs a rate', () => {
    expect(() => new TimeStretch({ nFreq: 33 })(z)).toThrowError(new ValueError('TimeStretch: if no fixedRate is specified, a rate must be passed to forward'));
  });
});
