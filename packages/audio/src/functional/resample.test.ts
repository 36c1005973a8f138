import { DTypeError, gradcheck, ones, randn, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { resample } from './resample';

describe('resample', () => {
  it('matches torchaudio from 16 kHz to 8 kHz and 44.1 kHz on the reference clip', () => {
    for (const [name, to] of [['audio_resample_16k_8k', 8000], ['audio_resample_16k_44k1', 44100]] as const) {
      const fx = fixture(name);
      const y = resample(toTensor(fx.inputs.waveform), 16000, to);
      expect(y.shape).toEqual(fx.expected.y.shape);
      expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
    }
  });

  it('matches torchaudio with the Kaiser window, beta, filter width and rolloff options', () => {
    const fx = fixture('ta_resample');
    const x = toTensor(fx.inputs.waveform);
    for (const [name, raw] of Object.entries(fx.params)) {
      const p = raw as Record<string, never>;
      const y = resample(x, p.orig_freq, p.new_freq, { resamplingMethod: p.resampling_method, lowpassFilterWidth: p.lowpass_filter_width, rolloff: p.rolloff, beta: p.beta });
      expect(y.shape, name).toEqual(fx.expected[name].shape);
      expect(errors(y, fx.expected[name]).maxRel, name).toBeLessThan(1e-5);
    }
  });

  it('returns the input for equal rates, and is differentiable', () => {
    const x = randn([2, 50]);
    expect(resample(x, 8000, 8000)).toBe(x);
    expect(gradcheck((t) => resample(t, 3, 2, { lowpassFilterWidth: 2 }), [randn([1, 12]).requiresGrad_()], { eps: 1e-2, atol: 1e-2, rtol: 1e-2 })).toBe(true);
  });

  it('rejects non-integer, zero and negative rates, bad methods and integer waveforms', () => {
    const x = ones([1, 10]);
    expect(() => resample(x, 44100, 5512.5)).toThrowError(
      new ValueError('resample: origFreq and newFreq must be integers (got origFreq=44100, newFreq=5512.5); give two integers with the same ratio instead, e.g. origFreq=8 and newFreq=1 to downsample 44100 Hz by 8'),
    );
    expect(() => resample(x, 0, 8000)).toThrowError(new ValueError('resample: origFreq and newFreq must be positive, got origFreq=0 and newFreq=8000'));
    expect(() => resample(x, 16000, -8000)).toThrowError(new ValueError('resample: origFreq and newFreq must be positive, got origFreq=16000 and newFreq=-8000'));
    expect(() => resample(x, 2, 1, { resamplingMethod: 'linear' as never })).toThrowError(
      new ValueError("resample: invalid resampling method 'linear' (expected 'sinc_interp_hann' or 'sinc_interp_kaiser'; torchaudio 0.13's 'sinc_interpolation' and 'kaiser_window' are accepted too)"),
    );
    expect(() => resample(x, 2, 1, { lowpassFilterWidth: 0 })).toThrowError(new ValueError('resample: expected lowpassFilterWidth to be a positive integer, got 0'));
    expect(() => resample(x, 2, 1, { rolloff: 0 })).toThrowError(new ValueError('resample: rolloff must be positive, got 0'));
    expect(() => resample(tensor([[1, 2, 3]], { dtype: 'int32' }), 2, 1)).toThrowError(new DTypeError('resample: expected waveform to be a float32 tensor, got dtype int32'));
  });
});
