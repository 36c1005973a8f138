import { div, linspace, mul, type Tensor, sum, ValueError } from '@dl/core';
import { checkNumber } from './internal/checks';
import { spectrogram } from './spectrogram';

/**
 * The spectral centroid of each frame (torchaudio's `functional.spectral_centroid`): the mean
 * frequency of the magnitude spectrum, `sum_f f |X(f)| / sum_f |X(f)|`, with bins from 0 to
 * `sampleRate / 2`. Differentiable.
 *
 * @param waveform audio `[..., time]`.
 * @param sampleRate the audio's sample rate.
 * @param pad zeros added to both ends.
 * @param window a 1-D window of `winLength` values.
 * @param nFft FFT size.
 * @param hopLength samples between frames.
 * @param winLength window size.
 * @returns `[..., frames]` in Hz.
 * @example
 * ```ts
 * const c = functional.spectralCentroid(wave, 16000, 0, functional.hannWindow(400), 400, 200, 400);
 * ```
 */
export function spectralCentroid(waveform: Tensor, sampleRate: number, pad: number, window: Tensor, nFft: number, hopLength: number, winLength: number): Tensor {
  const op = 'spectralCentroid';
  checkNumber(sampleRate, op, 'sampleRate');
  if (!(sampleRate > 0)) throw new ValueError(`${op}: sampleRate must be positive, got ${sampleRate}`);
  const spec = spectrogram(waveform, pad, window, nFft, hopLength, winLength, 1, false);
  const freqs = linspace(0, Math.floor(sampleRate / 2), 1 + Math.floor(nFft / 2)).reshape([-1, 1]);
  return div(sum(mul(freqs, spec), -2), sum(spec, -2));
}
