import type { Tensor } from '../../tensor/tensor';
import type { Nonlinearity } from './calculate-gain';
import type { FanMode } from './fan';
import { kaimingStd } from './kaiming-std';
import { checkTarget, fillUniform, type InitOptions } from './write-values';

/** Options of `kaimingUniform_` and `kaimingNormal_`. */
export interface KaimingInitOptions extends InitOptions {
  /** The negative slope of the rectifier after this layer (leaky_relu only). @default 0 */
  a?: number;
  /** Preserve the variance of the forward pass (`fanIn`) or the backward pass (`fanOut`). @default 'fanIn' */
  mode?: FanMode;
  /** The nonlinearity after this layer. @default 'leaky_relu' */
  nonlinearity?: Nonlinearity;
}

/**
 * He/Kaiming uniform initialisation in place (PyTorch's `nn.init.kaiming_uniform_`):
 * U(-bound, bound) with `bound = gain * sqrt(3 / fan)`. Linear and Conv layers use it with
 * `a = sqrt(5)`. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.kaimingUniform_(conv.weight, { mode: 'fanOut', nonlinearity: 'relu' });
 * ```
 */
export function kaimingUniform_(tensor: Tensor, options: KaimingInitOptions = {}): Tensor {
  checkTarget(tensor, 'kaimingUniform_');
  const std = kaimingStd(tensor, options, 'kaimingUniform_');
  if (std === null) return tensor;
  const bound = Math.sqrt(3) * std;
  return fillUniform(tensor, -bound, bound, options, 'kaimingUniform_');
}
