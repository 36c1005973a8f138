import { isGradEnabled, ValueError, type Tensor } from '@dl/core';
import { runOp, tf } from '@dl/core/internal';
import { checkFloatTensor, checkNumber } from './internal/checks';
import { stftAdjoint, stftComplex, stftGeometry, stftPower, type PadMode } from './internal/stft';
import { checkSignalLength, stftSpec } from './internal/stft-args';
import type { Normalization } from './window-function';

export type { PadMode } from './internal/stft';

/** Options of {@link spectrogram} (the arguments torchaudio gives defaults). */
export interface SpectrogramOptions {
  /** Pad the signal by `nFft / 2` on both sides so frame `t` is centred at `t * hopLength`. @default true */
  center?: boolean;
  /** How `center` pads: `'reflect'`, `'constant'` (zeros), `'replicate'` or `'circular'`. @default 'reflect' */
  padMode?: PadMode;
  /** Return the `nFft / 2 + 1` non-negative frequencies only (the rest mirror them). @default true */
  onesided?: boolean;
}

/**
 * The spectrogram of a waveform (torchaudio's `functional.spectrogram`): the short-time Fourier
 * transform of `[..., time]`, as `[..., freq, frames]` magnitudes raised to `power`, or, with
 * `power: null`, the complex STFT as `[..., freq, frames, 2]` (real and imaginary parts last, the
 * layout of `torch.view_as_real`). `freq` is `nFft / 2 + 1` (one-sided) and `frames` is
 * `1 + (paddedLength - nFft) / hopLength`. The FFTs run in KISS FFT (WebAssembly), all frames of
 * the batch in one pass.
 *
 * Differentiable with respect to the waveform: the backward runs the adjoint STFT (inverse real
 * FFTs of the bin gradients, overlap-added through the window and the padding).
 *
 * @param waveform float32 audio `[..., time]`.
 * @param pad zeros added to both ends first.
 * @param window a 1-D window of `winLength` values (e.g. {@link hannWindow}).
 * @param nFft FFT size.
 * @param hopLength samples between frames.
 * @param winLength window size (`<= nFft`; the window is zero-padded to `nFft` at the centre).
 * @param power exponent of the magnitude (1 magnitude, 2 power), or `null` for the complex STFT.
 * @param normalized `'window'` (or `true`) divides by the window's L2 norm, `'frame_length'` by `sqrt(nFft)`.
 * @example
 * ```ts
 * const wave = dl.randn([1, 16000]);
 * const spec = functional.spectrogram(wave, 0, functional.hannWindow(400), 400, 160, 400, 2, false);
 * spec.shape; // [1, 201, 101]
 * const complex = functional.spectrogram(wave, 0, functional.hannWindow(400), 400, 160, 400, null, false);
 * complex.shape; // [1, 201, 101, 2]
 * ```
 */
export function spectrogram(
  waveform: Tensor,
  pad: number,
  window: Tensor,
  nFft: number,
  hopLength: number,
  winLength: number,
  power: number | null,
  normalized: Normalization,
  options: SpectrogramOptions = {},
): Tensor {
  const op = 'spectrogram';
  checkFloatTensor(waveform, op, 'waveform', 1, '[..., time]');
  if (power !== null) {
    checkNumber(power, op, 'power');
    if (!(power > 0)) throw new ValueError(`${op}: power must be positive (or null for the complex spectrum), got ${power}`);
  }
  const spec = stftSpec(
    { pad, window, nFft, hopLength, winLength, normalized, center: options.center ?? true, padMode: options.padMode ?? 'reflect', onesided: options.onesided ?? true },
    op,
  );
  const shape = waveform.shape;
  const length = shape[shape.length - 1];
  const batch = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  checkSignalLength(length, spec, op);
  const geo = stftGeometry(length, spec);
  const lead = shape.slice(0, -1);
  const needGrad = isGradEnabled() && waveform.requiresGrad;
  let complex: Float32Array | null = null;
  return runOp({
    name: power === null ? 'Stft' : 'Spectrogram',
    inputs: [waveform],
    forward: () => {
      const x = waveform.dataSync();
      if (power === null) {
        complex = stftComplex(x, batch, length, spec, geo);
        return tf.tensor(complex, [...lead, geo.freq, geo.frames, 2]);
      }
      if (needGrad) {
        complex = stftComplex(x, batch, length, spec, geo);
        return tf.tensor(magnitudePower(complex, power), [...lead, geo.freq, geo.frames]);
      }
      return tf.tensor(stftPower(x, batch, length, spec, geo, power), [...lead, geo.freq, geo.frames]);
    },
    backward: (dy) => {
      const g = dy.dataSync() as Float32Array;
      const gc = power === null ? g : magnitudePowerGrad(complex!, g, power);
      return [tf.tensor(stftAdjoint(gc, batch, length, spec, geo), shape)];
    },
  });
}

function magnitudePower(complex: Float32Array, power: number): Float32Array {
  const out = new Float32Array(complex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const re = complex[2 * i];
    const im = complex[2 * i + 1];
    const sq = re * re + im * im;
    out[i] = power === 2 ? sq : Math.sqrt(sq) ** power;
  }
  return out;
}

/** d|X|^p / d(re, im) = p |X|^(p-2) (re, im), and 0 where |X| = 0 (as torch's abs backward). */
function magnitudePowerGrad(complex: Float32Array, dy: Float32Array, power: number): Float32Array {
  const out = new Float32Array(complex.length);
  for (let i = 0; i < dy.length; i++) {
    const re = complex[2 * i];
    const im = complex[2 * i + 1];
    let s: number;
    if (power === 2) s = 2 * dy[i];
    else {
      const mag = Math.sqrt(re * re + im * im);
      s = mag === 0 ? 0 : dy[i] * power * mag ** (power - 2);
    }
    out[2 * i] = s * re;
    out[2 * i + 1] = s * im;
  }
  return out;
}
