import { randn, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor, quietFilterbankWarnings } from '../../test/fixtures/transforms/load';
import { hammingWindow } from '../functional/hamming-window';
import { MelSpectrogram } from './mel-spectrogram';

describe('MelSpectrogram', () => {
  quietFilterbankWarnings();
  it('matches torchaudio on the reference clip (16 kHz, nFft 400, hop 160, 40 mels) within 1e-3', () => {
    const fx = fixture('audio_melspectrogram');
    const y = new MelSpectrogram(16000, { nFft: 400, hopLength: 160, nMels: 40 })(toTensor(fx.inputs.waveform));
    expectClose(y, fx.expected.y, 1e-3, 1e-6);
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it('matches torchaudio with fMin/fMax, Slaney scale and norm, power 1, normalized, no centring, padding and another window', () => {
    const fx = fixture('ta_features');
    const x = toTensor(fx.inputs.waveform);
    const a = new MelSpectrogram({ sampleRate: 16000, nFft: 128, winLength: 100, hopLength: 40, fMin: 50, fMax: 3000, nMels: 16, power: 1, normalized: true, center: false, norm: 'slaney', melScale: 'slaney' })(x);
    expect(errors(a, fx.expected.mel_options).maxRel).toBeLessThan(1e-5);
    const b = new MelSpectrogram(8000, { nFft: 96, hopLength: 48, pad: 10, nMels: 10, windowFn: hammingWindow, padMode: 'constant' })(x);
    expect(errors(b, fx.expected.mel_pad_hamming).maxRel).toBeLessThan(1e-5);
  });

  it('has the gradient torch.autograd gives with respect to the waveform', () => {
    const fx = fixture('ta_spectrogram_grad');
    const x = toTensor(fx.inputs.waveform).requiresGrad_();
    const y = new MelSpectrogram(16000, { nFft: 64, hopLength: 16, nMels: 12 })(x);
    expect(errors(y, fx.expected['y.mel']).maxRel).toBeLessThan(1e-5);
    y.mul(toTensor(fx.inputs['grad_output.mel'])).sum().backward();
    expect(errors(x.grad!, fx.expected['grad_x.mel']).maxRel).toBeLessThan(1e-4);
  });

  it('gives the same values in its one-pass path as its two submodules, and runs the submodules when they have hooks', () => {
    const x = randn([3, 2, 1234]);
    for (const options of [{ nFft: 400, hopLength: 160, nMels: 40 }, { nFft: 250, hopLength: 100, nMels: 30, power: 1 }, { nFft: 128, nMels: 20, power: 1.5, normalized: true }]) {
      const mel = new MelSpectrogram(16000, options);
      const fused = mel(x);
      const composed = mel.mel_scale.call(mel.spectrogram.call(x));
      expect(fused.shape).toEqual(composed.shape);
      expect(fused.sub(composed).abs().max().item()).toBeLessThanOrEqual(1e-6 * composed.abs().max().item());
    }
    const mel = new MelSpectrogram(16000, { nFft: 128, nMels: 16 });
    let seen = 0;
    mel.spectrogram.registerForwardHook(() => {
      seen++;
    });
    mel(randn([1, 500]));
    expect(seen).toBe(1);
  });

  it('takes the sample rate positionally or in the options, and checks fMin <= fMax', () => {
    expect(new MelSpectrogram(22050).sampleRate).toBe(22050);
    expect(new MelSpectrogram({ sampleRate: 8000 }).mel_scale.fMax).toBe(4000);
    expect(() => new MelSpectrogram({ fMin: 5000, fMax: 1000 })).toThrowError(new ValueError('MelScale: require fMin <= fMax, got fMin=5000 and fMax=1000'));
  });
});
