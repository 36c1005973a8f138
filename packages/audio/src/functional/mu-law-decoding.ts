import { abs, div, exp, mul, sign, sub, type Tensor, toFloat } from '@dl/core';
import { checkInt, checkTensor } from './internal/checks';

/**
 * Mu-law expansion (torchaudio's `functional.mu_law_decoding`), the inverse of
 * {@link muLawEncoding}: levels in `[0, quantizationChannels - 1]` to a float signal in [-1, 1].
 *
 * @param xMu encoded levels (int or float).
 * @param quantizationChannels number of levels.
 * @example
 * ```ts
 * functional.muLawDecoding(dl.tensor([0, 255], { dtype: 'int32' }), 256).tolist(); // [-1, 1]
 * ```
 */
export function muLawDecoding(xMu: Tensor, quantizationChannels: number): Tensor {
  const op = 'muLawDecoding';
  checkTensor(xMu, op, 'xMu');
  checkInt(quantizationChannels, op, 'quantizationChannels', 2);
  const mu = quantizationChannels - 1;
  const xf = xMu.dtype === 'float32' ? xMu : toFloat(xMu);
  const x = sub(mul(div(xf, mu), 2), 1);
  const logMu = Math.fround(Math.log1p(Math.fround(mu)));
  return div(mul(sign(x), sub(exp(mul(abs(x), logMu)), 1)), mu);
}
