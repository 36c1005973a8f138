import { ones, ShapeError, ValueError, randn } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { hammingWindow } from './hamming-window';
import { hannWindow } from './hann-window';
import { inverseSpectrogram } from './inverse-spectrogram';
import { spectrogram } from './spectrogram';

describe('inverseSpectrogram', () => {
  const fx = fixture('ta_inverse_spectrogram');

  it('matches torchaudio (torch.istft) with lengths, padding, normalizations, no centring and two-sided input, and its gradient', () => {
    for (const [name, raw] of Object.entries(fx.params)) {
      const p = raw as Record<string, unknown>;
      const nFft = p.n_fft as number;
      const hop = p.hop_length as number;
      const winLength = (p.win_length as number) ?? nFft;
      const window = p.window_fn === 'hamming_window' ? hammingWindow(winLength) : hannWindow(winLength);
      const spec = toTensor(fx.inputs[`spec.${name}`]).requiresGrad_();
      const y = inverseSpectrogram(spec, (p.length as number | null) ?? null, (p.pad as number) ?? 0, window, nFft, hop, winLength, (p.normalized as boolean) ?? false, {
        center: p.center as boolean | undefined,
        onesided: p.onesided as boolean | undefined,
      });
      expect(y.shape, name).toEqual(fx.expected[`y.${name}`].shape);
      expect(errors(y, fx.expected[`y.${name}`]).maxRel, name).toBeLessThan(1e-5);
      y.mul(toTensor(fx.inputs[`grad_output.${name}`])).sum().backward();
      expectClose(spec.grad!, fx.expected[`grad_spec.${name}`], 1e-4, 1e-6);
    }
  });

  it('recovers the waveform of spectrogram(power: null)', () => {
    const x = randn([2, 3, 500]);
    const w = hannWindow(128);
    const z = spectrogram(x, 0, w, 128, 32, 128, null, 'window');
    const back = inverseSpectrogram(z, 500, 0, w, 128, 32, 128, 'window');
    expect(back.shape).toEqual([2, 3, 500]);
    expect(back.sub(x).abs().max().item()).toBeLessThan(1e-5);
    const odd = hannWindow(127);
    const z2 = spectrogram(x, 3, odd, 127, 31, 127, null, 'frame_length', { onesided: false });
    expect(inverseSpectrogram(z2, 500, 3, odd, 127, 31, 127, 'frame_length', { onesided: false }).sub(x).abs().max().item()).toBeLessThan(1e-5);
  });

  it('rejects real spectrograms, the wrong number of bins and windows that do not overlap', () => {
    const w = hannWindow(16);
    expect(() => inverseSpectrogram(ones([9, 4]), null, 0, w, 16, 4, 16, false)).toThrowError(
      new ShapeError('inverseSpectrogram: expected spectrogram to be complex, as a tensor of shape [..., freq, time, 2] (real and imaginary parts last, as spectrogram(power: null) returns), got shape [9, 4]'),
    );
    expect(() => inverseSpectrogram(ones([8, 4, 2]), null, 0, w, 16, 4, 16, false)).toThrowError(
      new ShapeError('inverseSpectrogram: expected 9 frequency bins for nFft=16 (one-sided), got a spectrogram of shape [8, 4, 2]'),
    );
    expect(() => inverseSpectrogram(ones([9, 4, 2]), null, 0, w, 16, 4, 16, false, { center: false })).toThrowError(
      new ValueError(
        'inverseSpectrogram: the window overlap-add is zero at some output samples (min 0), so the signal cannot be recovered there (nonzero overlap-add, NOLA, fails for nFft=16, hopLength=4, winLength=16); use a smaller hopLength or another window',
      ),
    );
    expect(() => inverseSpectrogram(ones([9, 4, 2]), -3, 0, w, 16, 4, 16, false)).toThrowError(new ValueError('inverseSpectrogram: expected length to be a non-negative integer, got -3'));
  });
});
