import { add, defaultGenerator, type Generator, mul, ones, pow, rand, sqrt, stack, sub, sum, type Tensor, ValueError, zeros, div } from '@dl/core';
import { checkFloatTensor, checkInt, checkNumber } from './internal/checks';
import { inverseSpectrogram } from './inverse-spectrogram';
import { spectrogram } from './spectrogram';

/** Options of {@link griffinlim}. */
export interface GriffinlimOptions {
  /** The generator of the random initial phases (`randInit`). @default defaultGenerator */
  generator?: Generator;
}

/**
 * Recovers a waveform from a magnitude spectrogram with the (fast) Griffin-Lim algorithm
 * (torchaudio's `functional.griffinlim`): alternately inverts the STFT with the current phase
 * estimate and takes the phase of the STFT of the result, with `momentum` extrapolation. Built
 * from the differentiable {@link spectrogram} and {@link inverseSpectrogram}, so it is
 * differentiable with respect to `specgram` too.
 *
 * @param specgram magnitudes `[..., freq, frames]` raised to `power` (`freq = nFft / 2 + 1`).
 * @param window a 1-D window of `winLength` values.
 * @param nFft FFT size.
 * @param hopLength samples between frames.
 * @param winLength window size.
 * @param power the exponent the magnitudes carry (2 for a power spectrogram).
 * @param nIter iterations.
 * @param momentum fast Griffin-Lim's momentum, in [0, 1) (0 is the original algorithm).
 * @param length the output length, or `null`.
 * @param randInit start from random phases (from `options.generator`) rather than zero phase.
 * @example
 * ```ts
 * const w = functional.hannWindow(400);
 * const spec = functional.spectrogram(wave, 0, w, 400, 200, 400, 2, false);
 * const back = functional.griffinlim(spec, w, 400, 200, 400, 2, 32, 0.99, wave.shape[1], true);
 * ```
 */
export function griffinlim(
  specgram: Tensor,
  window: Tensor,
  nFft: number,
  hopLength: number,
  winLength: number,
  power: number,
  nIter: number,
  momentum: number,
  length: number | null,
  randInit: boolean,
  options: GriffinlimOptions = {},
): Tensor {
  const op = 'griffinlim';
  checkFloatTensor(specgram, op, 'specgram', 2, '[..., freq, frames]');
  checkNumber(momentum, op, 'momentum');
  if (!(momentum >= 0 && momentum < 1)) throw new ValueError(`${op}: momentum must be in range [0, 1), got ${momentum}`);
  checkNumber(power, op, 'power');
  if (!(power > 0)) throw new ValueError(`${op}: power must be positive, got ${power}`);
  checkInt(nIter, op, 'nIter', 0);
  const m = momentum / (1 + momentum);
  const shape = specgram.shape;
  const flat = specgram.reshape([-1, shape[shape.length - 2], shape[shape.length - 1]]);
  const mag = pow(flat, 1 / power).unsqueeze(-1);
  let angles: Tensor;
  if (randInit) angles = rand([...flat.shape, 2], { generator: options.generator ?? defaultGenerator });
  else angles = stack([ones(flat.shape), zeros(flat.shape)], -1);
  const invert = (a: Tensor) => inverseSpectrogram(mul(mag, a), length, 0, window, nFft, hopLength, winLength, false);
  let tprev: Tensor | null = null;
  for (let i = 0; i < nIter; i++) {
    const inverse = invert(angles);
    const rebuilt = spectrogram(inverse, 0, window, nFft, hopLength, winLength, null, false);
    let next = rebuilt;
    if (m && tprev !== null) next = sub(rebuilt, mul(tprev, m));
    const norm = sqrt(sum(mul(next, next), -1, { keepdim: true }));
    angles = div(next, add(norm, 1e-16));
    tprev = rebuilt;
  }
  const waveform = invert(angles);
  return waveform.reshape([...shape.slice(0, -2), waveform.shape[waveform.shape.length - 1]]);
}
