import { randn, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { Resample } from './resample';

describe('Resample', () => {
  it('matches torchaudio on the reference clip, keeping the kernel as a buffer', () => {
    const fx = fixture('audio_resample_16k_44k1');
    const t = new Resample(16000, 44100);
    expect(t.kernel.shape).toEqual([441, 1, 174]);
    expect(Object.keys(t.stateDict())).toEqual(['kernel']);
    const y = t(toTensor(fx.inputs.waveform));
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it('matches torchaudio with the Kaiser window and its options', () => {
    const fx = fixture('ta_resample');
    const y = new Resample(16000, 22050, { resamplingMethod: 'kaiser_window', lowpassFilterWidth: 4, rolloff: 0.9 })(toTensor(fx.inputs.waveform));
    expect(errors(y, fx.expected.kaiser_16k_22k05).maxRel).toBeLessThan(1e-5);
    expect(new Resample(16000, 22050, { resamplingMethod: 'kaiser_window' }).resamplingMethod).toBe('sinc_interp_kaiser');
  });

  it('passes the waveform through when the rates are equal, with no kernel', () => {
    const t = new Resample();
    const x = randn([1, 10]);
    expect(t(x)).toBe(x);
    expect(Object.keys(t.stateDict())).toEqual([]);
  });

  it('rejects non-integer and zero rates', () => {
    expect(() => new Resample(16000, 0)).toThrowError(new ValueError('Resample: origFreq and newFreq must be positive, got origFreq=16000 and newFreq=0'));
    expect(() => new Resample(44100, 4410.5)).toThrowError(ValueError);
  });
});
