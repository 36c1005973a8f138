import { ones, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { Fade, type FadeShape } from './fade';

describe('Fade', () => {
  const fx = fixture('ta_fade_vol');
  const x = toTensor(fx.inputs.waveform);

  it('matches torchaudio for every shape, overlapping fades and a fade-in only', () => {
    for (const shape of ['linear', 'logarithmic', 'exponential', 'quarter_sine', 'half_sine'] as FadeShape[]) {
      expectClose(new Fade(60, 80, shape)(x), fx.expected[`fade.${shape}`], 1e-6, 1e-7);
    }
    expectClose(new Fade(150, 120, 'half_sine')(x), fx.expected['fade.overlap_half_sine'], 1e-6, 1e-7);
    expectClose(new Fade(200, 0, 'logarithmic')(x), fx.expected['fade.in_only_log'], 1e-6, 1e-7);
  });

  it('is the identity without fades, and differentiable', () => {
    expect(new Fade()(x).tolist()).toEqual(x.tolist());
    const v = x.detach().requiresGrad_();
    new Fade(10, 10)(v).sum().backward();
    expect(v.grad!.narrow(1, 100, 1).item()).toBe(1);
  });

  it('rejects unknown shapes and fades longer than the waveform', () => {
    expect(() => new Fade(1, 1, 'cosine' as never)).toThrowError(new ValueError("Fade: fadeShape must be one of 'quarter_sine', 'half_sine', 'linear', 'logarithmic', 'exponential', got 'cosine'"));
    expect(() => new Fade(20)(ones([1, 10]))).toThrowError(new ValueError('Fade: the fades (fadeInLen=20, fadeOutLen=0) are longer than the waveform (10 samples)'));
  });
});
