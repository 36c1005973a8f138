import { abs, add, div, log1p, mul, sign, type Tensor, toFloat, toInt } from '@dl/core';
import { checkInt, checkTensor } from './internal/checks';

/**
 * Mu-law companding (torchaudio's `functional.mu_law_encoding`): a signal in [-1, 1] to integers
 * in `[0, quantizationChannels - 1]`, `sign(x) ln(1 + mu |x|) / ln(1 + mu)` mapped onto the
 * levels (`mu = quantizationChannels - 1`). Returns an int32 tensor (PyTorch's int64). Integer
 * inputs are converted to float first, as torchaudio does.
 *
 * @param x the signal, scaled to [-1, 1].
 * @param quantizationChannels number of levels.
 * @example
 * ```ts
 * functional.muLawEncoding(dl.tensor([-1, 0, 1]), 256).tolist(); // [0, 128, 255]
 * ```
 */
export function muLawEncoding(x: Tensor, quantizationChannels: number): Tensor {
  const op = 'muLawEncoding';
  checkTensor(x, op, 'x');
  checkInt(quantizationChannels, op, 'quantizationChannels', 2);
  const xf = x.dtype === 'float32' ? x : toFloat(x);
  const mu = quantizationChannels - 1;
  const xMu = div(mul(sign(xf), log1p(mul(abs(xf), mu))), Math.fround(Math.log1p(Math.fround(mu))));
  return toInt(add(mul(div(add(xMu, 1), 2), mu), 0.5));
}
