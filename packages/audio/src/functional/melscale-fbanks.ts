import { type Tensor, tensor, ValueError } from '@dl/core';
import { EmptyFilterbankWarning } from './empty-filterbank-warning';
import { checkChoice, checkInt, checkNumber, describe } from './internal/checks';
import { linspaceF32, triangularFilterbank } from './internal/float32';

/** The mel scales: HTK's `2595 log10(1 + f / 700)`, or Slaney's (linear below 1 kHz, logarithmic above). */
export type MelScaleType = 'htk' | 'slaney';

/** Options of {@link melscaleFbanks}. */
export interface MelscaleFbanksOptions {
  /** `'slaney'` divides each triangle by its band width (area normalization), `null` leaves peaks at 1. @default null */
  norm?: 'slaney' | null;
  /** The mel scale. @default 'htk' */
  melScale?: MelScaleType;
}

const f = Math.fround;
const warned = new Set<string>();

/** Emits the warning once per message, as Python's default warning filter shows it once. */
function warnEmptyFilterbank(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.emitWarning(new EmptyFilterbankWarning(message));
}

/** @internal Hz to mels on either scale (double precision, as torchaudio does for the end points). */
export function hzToMel(freq: number, melScale: MelScaleType): number {
  if (melScale === 'htk') return 2595 * Math.log10(1 + freq / 700);
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logstep = Math.log(6.4) / 27;
  return freq >= minLogHz ? minLogMel + Math.log(freq / minLogHz) / logstep : freq / fSp;
}

/** @internal Mels to Hz over a float32 vector, as torchaudio's `_mel_to_hz` computes it. */
export function melToHz(mels: Float32Array, melScale: MelScaleType): Float32Array {
  const out = new Float32Array(mels.length);
  for (let i = 0; i < mels.length; i++) {
    const m = mels[i];
    if (melScale === 'htk') out[i] = f(700 * f(f(10 ** f(m / 2595)) - 1));
    else {
      const fSp = 200 / 3;
      const minLogMel = 1000 / fSp;
      const logstep = Math.log(6.4) / 27;
      out[i] = m >= f(minLogMel) ? f(1000 * f(Math.exp(f(f(logstep) * f(m - f(minLogMel)))))) : f(f(f(fSp) * m) + 0);
    }
  }
  return out;
}

/**
 * Triangular mel filterbanks (torchaudio's `functional.melscale_fbanks`): a `[nFreqs, nMels]`
 * matrix whose column `m` weights the STFT bins (evenly spaced from 0 to `sampleRate / 2`) into mel
 * band `m`; `spec.transpose(-1, -2).matmul(fb)` applies it. Computed in float32 as torchaudio does.
 * A filter that covers no bin (too many mels for `nFreqs`) emits an {@link EmptyFilterbankWarning}.
 *
 * @param nFreqs STFT bins (`nFft / 2 + 1`).
 * @param fMin lowest frequency (Hz).
 * @param fMax highest frequency (Hz).
 * @param nMels number of mel filters.
 * @param sampleRate the audio's sample rate.
 * @example
 * ```ts
 * const fb = functional.melscaleFbanks(201, 0, 8000, 40, 16000);
 * fb.shape; // [201, 40]
 * ```
 */
export function melscaleFbanks(nFreqs: number, fMin: number, fMax: number, nMels: number, sampleRate: number, options: MelscaleFbanksOptions = {}): Tensor {
  const op = 'melscaleFbanks';
  const norm = options.norm ?? null;
  const melScale = options.melScale ?? 'htk';
  if (norm !== null && norm !== 'slaney') throw new ValueError(`${op}: norm must be one of null or 'slaney', got ${describe(norm)}`);
  checkChoice(melScale, ['htk', 'slaney'] as const, op, 'melScale');
  checkFilterbankArgs(op, nFreqs, fMin, fMax, nMels, 'nMels', sampleRate);
  const allFreqs = linspaceF32(0, Math.floor(sampleRate / 2), nFreqs);
  const mPts = linspaceF32(hzToMel(fMin, melScale), hzToMel(fMax, melScale), nMels + 2);
  const fPts = melToHz(mPts, melScale);
  const fb = triangularFilterbank(allFreqs, fPts);
  if (norm === 'slaney') {
    for (let m = 0; m < nMels; m++) {
      const enorm = f(2 / f(fPts[m + 2] - fPts[m]));
      for (let i = 0; i < nFreqs; i++) fb[i * nMels + m] = f(fb[i * nMels + m] * enorm);
    }
  }
  if (hasEmptyFilter(fb, nFreqs, nMels)) {
    warnEmptyFilterbank(`At least one mel filterbank has all zero values. The value for nMels (${nMels}) may be set too high. Or, the value for nFreqs (${nFreqs}) may be set too low.`);
  }
  return tensor(fb).reshape([nFreqs, nMels]);
}

/** @internal Checks the arguments shared by the filterbank builders. */
export function checkFilterbankArgs(op: string, nFreqs: number, fMin: number, fMax: number, nFilter: number, filterName: string, sampleRate: number): void {
  checkInt(nFreqs, op, 'nFreqs', 1);
  checkInt(nFilter, op, filterName, 1);
  checkNumber(fMin, op, 'fMin');
  checkNumber(fMax, op, 'fMax');
  checkNumber(sampleRate, op, 'sampleRate');
  if (!(sampleRate > 0)) throw new ValueError(`${op}: sampleRate must be positive, got ${sampleRate}`);
  if (fMin > fMax) throw new ValueError(`${op}: require fMin <= fMax, got fMin=${fMin} and fMax=${fMax}`);
}

/** @internal Whether a `[nFreqs, nFilter]` filterbank has a column whose largest value is 0. */
export function hasEmptyFilter(fb: Float32Array, nFreqs: number, nFilter: number): boolean {
  for (let m = 0; m < nFilter; m++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < nFreqs; i++) max = Math.max(max, fb[i * nFilter + m]);
    if (max === 0) return true;
  }
  return false;
}
