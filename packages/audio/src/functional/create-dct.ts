import { type Tensor, tensor, ValueError } from '@dl/core';
import { checkInt, describe } from './internal/checks';

/**
 * The DCT-II matrix (torchaudio's `functional.create_dct`), `[nMels, nMfcc]`, to right-multiply
 * row-wise data: `x.matmul(dct)` keeps the first `nMfcc` coefficients of each row of `nMels`
 * values. `norm: 'ortho'` makes it orthonormal; `null` scales by 2 (the unnormalized DCT-II).
 *
 * @param nMfcc coefficients to keep.
 * @param nMels input length (mel bins).
 * @param norm `'ortho'` or `null`.
 * @example
 * ```ts
 * functional.createDct(13, 40, 'ortho').shape; // [40, 13]
 * ```
 */
export function createDct(nMfcc: number, nMels: number, norm: 'ortho' | null): Tensor {
  const op = 'createDct';
  if (norm !== null && norm !== 'ortho') throw new ValueError(`${op}: norm must be either 'ortho' or null, got ${describe(norm)}`);
  checkInt(nMfcc, op, 'nMfcc', 1);
  checkInt(nMels, op, 'nMels', 1);
  const f = Math.fround;
  const step = f(Math.PI / nMels);
  const out = new Float32Array(nMels * nMfcc);
  const first = f(1 / Math.sqrt(2));
  const scale = f(Math.sqrt(2 / nMels));
  for (let k = 0; k < nMfcc; k++) {
    for (let n = 0; n < nMels; n++) {
      let v = f(Math.cos(f(f(step * f(n + 0.5)) * k)));
      if (norm === null) v = f(v * 2);
      else {
        if (k === 0) v = f(v * first);
        v = f(v * scale);
      }
      out[n * nMfcc + k] = v;
    }
  }
  return tensor(out).reshape([nMels, nMfcc]);
}
