import type { Tensor } from '../../tensor/tensor';
import { fillNormal, type InitOptions } from './write-values';

/** Options of `normal_`. */
export interface NormalInitOptions extends InitOptions {
  /** @default 0 */
  mean?: number;
  /** Standard deviation. @default 1 */
  std?: number;
}

/**
 * Fills `tensor` in place with values from the normal distribution N(mean, std²) (PyTorch's
 * `nn.init.normal_`). Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.normal_(embedding.weight, { std: 0.02 });
 * ```
 */
export function normal_(tensor: Tensor, options: NormalInitOptions = {}): Tensor {
  return fillNormal(tensor, options.mean ?? 0, options.std ?? 1, options, 'normal_');
}
