import { ValueError } from '../../errors/value-error';
import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { erf, erfinv } from './erfinv';
import { checkTarget, writeValues, type InitOptions } from './write-values';

/** Options of `truncNormal_`. */
export interface TruncNormalInitOptions extends InitOptions {
  /** Mean of the normal distribution. @default 0 */
  mean?: number;
  /** Standard deviation of the normal distribution. @default 1 */
  std?: number;
  /** Lower cutoff. @default -2 */
  a?: number;
  /** Upper cutoff. @default 2 */
  b?: number;
}

/**
 * Fills `tensor` in place with a normal distribution N(mean, std²) truncated to [a, b]
 * (PyTorch's `nn.init.trunc_normal_`, by inverse-CDF sampling as PyTorch does). Returns
 * `tensor`.
 *
 * @example
 * ```ts
 * nn.init.truncNormal_(vit.posEmbed, { std: 0.02 });
 * ```
 */
export function truncNormal_(tensor: Tensor, options: TruncNormalInitOptions = {}): Tensor {
  checkTarget(tensor, 'truncNormal_');
  const mean = options.mean ?? 0;
  const std = options.std ?? 1;
  const a = options.a ?? -2;
  const b = options.b ?? 2;
  if (!(std > 0)) throw new ValueError(`truncNormal_: expects std > 0, got ${std}`);
  if (!(a < b)) throw new ValueError(`truncNormal_: expects a < b, got a=${a}, b=${b}`);
  const cdf = (x: number) => (1 + erf(x / Math.SQRT2)) / 2;
  const l = cdf((a - mean) / std);
  const u = cdf((b - mean) / std);
  const gen = options.generator ?? defaultGenerator;
  const v = gen.fillUniform(new Float32Array(tensor.numel()), 2 * l - 1, 2 * u - 1);
  const scale = std * Math.SQRT2;
  for (let i = 0; i < v.length; i++) v[i] = Math.min(b, Math.max(a, erfinv(v[i]) * scale + mean));
  return writeValues(tensor, v);
}
