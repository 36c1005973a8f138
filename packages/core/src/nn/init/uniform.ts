import type { Tensor } from '../../tensor/tensor';
import { fillUniform, type InitOptions } from './write-values';

/** Options of `uniform_`. */
export interface UniformInitOptions extends InitOptions {
  /** Lower bound. @default 0 */
  a?: number;
  /** Upper bound. @default 1 */
  b?: number;
}

/**
 * Fills `tensor` in place with values from the uniform distribution U(a, b) (PyTorch's
 * `nn.init.uniform_`). Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.uniform_(linear.weight, { a: -0.1, b: 0.1 });
 * ```
 */
export function uniform_(tensor: Tensor, options: UniformInitOptions = {}): Tensor {
  return fillUniform(tensor, options.a ?? 0, options.b ?? 1, options, 'uniform_');
}
