import { type Tensor, tensor } from '@dl/core';
import { linspaceF32, triangularFilterbank } from './internal/float32';
import { checkFilterbankArgs } from './melscale-fbanks';

/**
 * Linear triangular filterbanks (torchaudio's `functional.linear_fbanks`): `nFilter` triangles
 * evenly spaced from `fMin` to `fMax`, as a `[nFreqs, nFilter]` matrix (what {@link LFCC} uses).
 *
 * @param nFreqs STFT bins (`nFft / 2 + 1`).
 * @param fMin lowest frequency (Hz).
 * @param fMax highest frequency (Hz).
 * @param nFilter number of filters.
 * @param sampleRate the audio's sample rate.
 * @example
 * ```ts
 * functional.linearFbanks(201, 0, 8000, 128, 16000).shape; // [201, 128]
 * ```
 */
export function linearFbanks(nFreqs: number, fMin: number, fMax: number, nFilter: number, sampleRate: number): Tensor {
  checkFilterbankArgs('linearFbanks', nFreqs, fMin, fMax, nFilter, 'nFilter', sampleRate);
  const allFreqs = linspaceF32(0, Math.floor(sampleRate / 2), nFreqs);
  const fPts = linspaceF32(fMin, fMax, nFilter + 2);
  return tensor(triangularFilterbank(allFreqs, fPts)).reshape([nFreqs, nFilter]);
}
