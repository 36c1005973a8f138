import { Generator, ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { griffinlim } from './griffinlim';
import { hannWindow } from './hann-window';

describe('griffinlim', () => {
  const fx = fixture('ta_griffinlim');
  const spec = toTensor(fx.inputs.specgram);
  const w = hannWindow(64);

  it('matches torchaudio from zero phase, with and without momentum', () => {
    const a = griffinlim(spec, w, 64, 16, 64, 2, 8, 0.99, 640, false);
    expect(a.shape).toEqual([1, 640]);
    expect(errors(a, fx.expected.zero_init).maxRel).toBeLessThan(1e-4);
    const b = griffinlim(spec.sqrt(), w, 64, 16, 64, 1, 5, 0, null, false);
    expect(b.shape).toEqual(fx.expected.zero_init_nomomentum_power1.shape);
    expect(errors(b, fx.expected.zero_init_nomomentum_power1).maxRel).toBeLessThan(1e-4);
  });

  it("draws torchaudio's random initial phases after the same seed", () => {
    const y = griffinlim(spec, w, 64, 16, 64, 2, 4, 0.99, 640, true, { generator: new Generator(7) });
    expect(errors(y, fx.expected.rand_init_seed7).maxRel).toBeLessThan(1e-4);
  });

  it('is differentiable with respect to the magnitudes', () => {
    const s = spec.detach().requiresGrad_();
    griffinlim(s, w, 64, 16, 64, 2, 2, 0.99, 640, false).pow(2).sum().backward();
    expect(s.grad!.shape).toEqual(spec.shape);
    expect(s.grad!.abs().sum().item()).toBeGreaterThan(0);
  });

  it('rejects a momentum outside [0, 1), a non-positive power and a 1-D input', () => {
    expect(() => griffinlim(spec, w, 64, 16, 64, 2, 1, 1, null, false)).toThrowError(new ValueError('griffinlim: momentum must be in range [0, 1), got 1'));
    expect(() => griffinlim(spec, w, 64, 16, 64, 0, 1, 0.5, null, false)).toThrowError(new ValueError('griffinlim: power must be positive, got 0'));
    expect(() => griffinlim(ones([33]), w, 64, 16, 64, 2, 1, 0.5, null, false)).toThrowError(
      new ShapeError('griffinlim: expected specgram of shape [..., freq, frames] (at least 2 dimensions), got shape [33]'),
    );
  });
});
