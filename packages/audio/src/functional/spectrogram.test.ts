import { ArgumentTypeError, DTypeError, ones, ShapeError, tensor, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { blackmanWindow } from './blackman-window';
import { hammingWindow } from './hamming-window';
import { hannWindow } from './hann-window';
import { spectrogram } from './spectrogram';

const windows = { hann_window: hannWindow, hamming_window: hammingWindow, blackman_window: blackmanWindow } as Record<string, (n: number) => ReturnType<typeof hannWindow>>;

/** torchaudio's transforms.Spectrogram arguments (Python names) as a call of functional.spectrogram. */
function torchaudioSpectrogram(x: ReturnType<typeof tensor>, p: Record<string, unknown>) {
  const nFft = (p.n_fft as number) ?? 400;
  const winLength = (p.win_length as number) ?? nFft;
  const hop = (p.hop_length as number) ?? Math.floor(winLength / 2);
  const window = windows[(p.window_fn as string) ?? 'hann_window'](winLength);
  const power = p.power === undefined ? 2 : (p.power as number | null);
  return spectrogram(x, (p.pad as number) ?? 0, window, nFft, hop, winLength, power, (p.normalized as boolean) ?? false, {
    center: p.center as boolean | undefined,
    padMode: p.pad_mode as never,
    onesided: p.onesided as boolean | undefined,
  });
}

describe('spectrogram', () => {
  it('matches torchaudio on the 1 s reference clip (nFft 400, hop 160, power 2)', () => {
    const fx = fixture('audio_spectrogram');
    const y = spectrogram(toTensor(fx.inputs.waveform), 0, hannWindow(400), 400, 160, 400, 2, false);
    expectClose(y, fx.expected.y, 1e-3, 1e-3 * 200);
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it('matches torchaudio for every option: powers, windows, pads, normalizations, centring, two-sided, complex', () => {
    const fx = fixture('ta_spectrogram_options');
    const x = toTensor(fx.inputs.waveform);
    for (const [name, params] of Object.entries(fx.params)) {
      const y = torchaudioSpectrogram(x, params as Record<string, unknown>);
      const rel = errors(y, fx.expected[name]).maxRel;
      expect(y.shape, name).toEqual(fx.expected[name].shape);
      expect(rel, name).toBeLessThan(1e-5);
    }
  });

  it('has the gradient torch.autograd gives, for magnitudes, powers and the complex STFT', () => {
    const fx = fixture('ta_spectrogram_grad');
    for (const [name, params] of Object.entries(fx.params)) {
      if (name === 'mel') continue;
      const x = toTensor(fx.inputs.waveform).requiresGrad_();
      const y = torchaudioSpectrogram(x, params as Record<string, unknown>);
      expectClose(y, fx.expected[`y.${name}`], 1e-4, 1e-4);
      y.mul(toTensor(fx.inputs[`grad_output.${name}`])).sum().backward();
      const g = fx.expected[`grad_x.${name}`];
      expect(errors(x.grad!, g).maxRel, name).toBeLessThan(1e-4);
    }
  });

  it('returns [..., freq, frames] for any number of leading dimensions', () => {
    const x = ones([2, 3, 100]);
    expect(spectrogram(x, 0, hannWindow(32), 32, 10, 32, 2, false).shape).toEqual([2, 3, 17, 11]);
    expect(spectrogram(ones([100]), 0, hannWindow(32), 32, 10, 32, null, false).shape).toEqual([17, 11, 2]);
  });

  it('rejects bad waveforms, sizes, windows and modes with typed errors', () => {
    const w = hannWindow(16);
    const x = ones([1, 64]);
    expect(() => spectrogram(tensor(1), 0, w, 16, 4, 16, 2, false)).toThrowError(new ShapeError('spectrogram: expected waveform of shape [..., time] (at least 1 dimension), got shape []'));
    expect(() => spectrogram(tensor([1, 2], { dtype: 'int32' }), 0, w, 16, 4, 16, 2, false)).toThrowError(new DTypeError('spectrogram: expected waveform to be a float32 tensor, got dtype int32'));
    expect(() => spectrogram([1, 2] as never, 0, w, 16, 4, 16, 2, false)).toThrowError(new ArgumentTypeError('spectrogram: expected waveform to be a Tensor, got [1, 2]'));
    expect(() => spectrogram(x, 0, w, 16, 0, 16, 2, false)).toThrowError(new ValueError('spectrogram: expected hopLength to be a positive integer, got 0'));
    expect(() => spectrogram(x, 0, w, 16, -4, 16, 2, false)).toThrowError(new ValueError('spectrogram: expected hopLength to be a positive integer, got -4'));
    expect(() => spectrogram(x, 0, w, 0, 4, 16, 2, false)).toThrowError(new ValueError('spectrogram: expected nFft to be a positive integer, got 0'));
    expect(() => spectrogram(x, 0, hannWindow(32), 16, 4, 32, 2, false)).toThrowError(new ValueError('spectrogram: expected winLength <= nFft, got winLength=32 and nFft=16'));
    expect(() => spectrogram(x, 0, hannWindow(8), 16, 4, 16, 2, false)).toThrowError(new ShapeError('spectrogram: expected a 1-D window of winLength=16 values, got shape [8]'));
    expect(() => spectrogram(x, -1, w, 16, 4, 16, 2, false)).toThrowError(new ValueError('spectrogram: expected pad to be a non-negative integer, got -1'));
    expect(() => spectrogram(x, 0, w, 16, 4, 16, 0, false)).toThrowError(new ValueError('spectrogram: power must be positive (or null for the complex spectrum), got 0'));
    expect(() => spectrogram(x, 0, w, 16, 4, 16, 2, 'energy' as never)).toThrowError(new ValueError("spectrogram: invalid normalized parameter 'energy' (expected true, false, 'window' or 'frame_length')"));
    expect(() => spectrogram(x, 0, w, 16, 4, 16, 2, 1 as never)).toThrowError(new ArgumentTypeError("spectrogram: expected normalized to be a boolean, 'window' or 'frame_length', got 1"));
    expect(() => spectrogram(x, 0, w, 16, 4, 16, 2, false, { padMode: 'wrap' as never })).toThrowError(
      new ValueError("spectrogram: padMode must be one of 'reflect', 'constant', 'replicate', 'circular', got 'wrap'"),
    );
  });

  it('rejects an nFft larger than the (padded) signal and reflect padding longer than the signal', () => {
    const w = hannWindow(64);
    expect(() => spectrogram(zeros([1, 40]), 0, w, 64, 16, 64, 2, false, { center: false })).toThrowError(
      new ValueError('spectrogram: nFft=64 is larger than the signal (40 samples)'),
    );
    expect(() => spectrogram(zeros([1, 20]), 0, w, 64, 16, 64, 2, false)).toThrowError(
      new ValueError('spectrogram: reflect padding of 32 samples (nFft / 2) needs a signal longer than 32 samples, got 20'),
    );
    expect(() => spectrogram(zeros([1, 10]), 0, w, 64, 16, 64, 2, false, { padMode: 'circular' })).toThrowError(
      new ValueError('spectrogram: circular padding of 32 samples (nFft / 2) needs a signal of at least 32 samples, got 10'),
    );
    // constant centring pads any length, as torch.stft does
    expect(spectrogram(zeros([1, 10]), 0, w, 64, 16, 64, 2, false, { padMode: 'constant' }).shape).toEqual([1, 33, 1]);
  });
});
