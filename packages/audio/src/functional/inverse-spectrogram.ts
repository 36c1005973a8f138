import { ShapeError, type Tensor } from '@dl/core';
import { runOp, tf } from '@dl/core/internal';
import { checkComplexTensor, checkInt, fmtShape } from './internal/checks';
import { istftAdjoint, istftForward, istftGeometry } from './internal/istft';
import { realBins } from './internal/fft';
import { stftSpec } from './internal/stft-args';
import type { SpectrogramOptions } from './spectrogram';
import type { Normalization } from './window-function';

/**
 * The waveform of a complex spectrogram (torchaudio's `functional.inverse_spectrogram`):
 * torch.istft's least-squares overlap-add of the inverse FFTs of the frames, windowed and divided
 * by the summed squared window. The spectrogram is complex in the `[..., freq, frames, 2]` layout
 * {@link spectrogram} returns with `power: null`. Differentiable with respect to the spectrogram.
 *
 * @param spectrogram complex `[..., freq, frames, 2]`.
 * @param length the output length, or `null` for all the frames give (minus the centring).
 * @param pad the two-sided padding the forward spectrogram added (removed only when `length` is given, as torchaudio does).
 * @param window a 1-D window of `winLength` values.
 * @param nFft FFT size.
 * @param hopLength samples between frames.
 * @param winLength window size.
 * @param normalized how the forward spectrogram was normalized.
 * @param options `center`, `padMode` (unused, for symmetry with spectrogram) and `onesided` as the forward spectrogram had them.
 * @example
 * ```ts
 * const w = functional.hannWindow(400);
 * const z = functional.spectrogram(wave, 0, w, 400, 100, 400, null, false);
 * const back = functional.inverseSpectrogram(z, wave.shape[1], 0, w, 400, 100, 400, false); // ≈ wave
 * ```
 */
export function inverseSpectrogram(
  spectrogram: Tensor,
  length: number | null,
  pad: number,
  window: Tensor,
  nFft: number,
  hopLength: number,
  winLength: number,
  normalized: Normalization,
  options: SpectrogramOptions = {},
): Tensor {
  const op = 'inverseSpectrogram';
  checkComplexTensor(spectrogram, op, 'spectrogram');
  const spec = stftSpec(
    { pad, window, nFft, hopLength, winLength, normalized, center: options.center ?? true, padMode: options.padMode ?? 'reflect', onesided: options.onesided ?? true },
    op,
  );
  if (length !== null) checkInt(length, op, 'length', 0);
  const shape = spectrogram.shape;
  const freq = shape[shape.length - 3];
  const frames = shape[shape.length - 2];
  const expected = spec.onesided ? realBins(nFft) : nFft;
  if (freq !== expected) {
    throw new ShapeError(`${op}: expected ${expected} frequency bins for nFft=${nFft}${spec.onesided ? ' (one-sided)' : ''}, got a spectrogram of shape ${fmtShape(shape)}`);
  }
  if (frames < 1) throw new ShapeError(`${op}: the spectrogram has no frames (shape ${fmtShape(shape)})`);
  const lead = shape.slice(0, -3);
  const batch = lead.reduce((a, b) => a * b, 1);
  const geo = istftGeometry(frames, spec, length !== null ? length + 2 * pad : null, op);
  const trim = length !== null && pad > 0 ? pad : 0;
  const outLength = geo.outLength - 2 * trim;
  return runOp({
    name: 'InverseSpectrogram',
    inputs: [spectrogram],
    forward: () => {
      const y = istftForward(spectrogram.dataSync(), batch, freq, spec, geo);
      const out = trim > 0 ? cropRows(y, batch, geo.outLength, trim, outLength) : y;
      return tf.tensor(out, [...lead, outLength]);
    },
    backward: (dy) => {
      const g = dy.dataSync() as Float32Array;
      const full = trim > 0 ? uncropRows(g, batch, geo.outLength, trim, outLength) : g;
      return [tf.tensor(istftAdjoint(full, batch, freq, spec, geo), shape)];
    },
  });
}

function cropRows(y: Float32Array, rows: number, width: number, start: number, keep: number): Float32Array {
  const out = new Float32Array(rows * keep);
  for (let r = 0; r < rows; r++) out.set(y.subarray(r * width + start, r * width + start + keep), r * keep);
  return out;
}

function uncropRows(g: Float32Array, rows: number, width: number, start: number, keep: number): Float32Array {
  const out = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) out.set(g.subarray(r * keep, (r + 1) * keep), r * width + start);
  return out;
}
