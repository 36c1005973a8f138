import { linspace, ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { phaseVocoder } from './phase-vocoder';

describe('phaseVocoder', () => {
  const fx = fixture('ta_deltas_stretch');
  const z = toTensor(fx.inputs.complex_spec);
  const advance = linspace(0, Math.PI * 16, 33).unsqueeze(-1);

  it('matches torchaudio when speeding up (rate 1.3, 2) and slowing down (0.8)', () => {
    for (const [name, rate] of [['stretch_1_3', 1.3], ['stretch_0_8', 0.8], ['stretch_2', 2]] as const) {
      const y = phaseVocoder(z, rate, advance);
      expect(y.shape, name).toEqual(fx.expected[name].shape);
      expect(errors(y, fx.expected[name]).maxRel, name).toBeLessThan(1e-4);
    }
  });

  it('returns the input at rate 1 and is differentiable', () => {
    expect(phaseVocoder(z, 1, advance)).toBe(z);
    const zz = z.detach().requiresGrad_();
    phaseVocoder(zz, 1.5, advance).pow(2).sum().backward();
    expect(zz.grad!.shape).toEqual(z.shape);
  });

  it('rejects real input, a bad rate and a phase advance of the wrong size', () => {
    expect(() => phaseVocoder(ones([33, 5]), 1.2, advance)).toThrowError(ShapeError);
    expect(() => phaseVocoder(z, 0, advance)).toThrowError(new ValueError('phaseVocoder: rate must be a positive number, got 0'));
    expect(() => phaseVocoder(z, 1.2, ones([10, 1]))).toThrowError(new ShapeError('phaseVocoder: expected phaseAdvance of shape [33, 1] (one value per frequency bin), got shape [10, 1]'));
  });
});
