import type { Tensor } from '../../tensor/tensor';
import { checkTarget, writeValues } from './write-values';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/**
 * Fills `tensor` in place with `value` (PyTorch's `nn.init.constant_`). Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.constant_(linear.bias!, 0.1);
 * ```
 */
export function constant_(tensor: Tensor, value: number): Tensor {
  checkTarget(tensor, 'constant_');
  if (typeof value !== 'number') throw new ArgumentTypeError(`constant_: value must be a number, got ${describeArg(value)}`);
  return writeValues(tensor, new Float32Array(tensor.numel()).fill(value));
}

/**
 * Fills `tensor` in place with ones (PyTorch's `nn.init.ones_`). Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.ones_(norm.weight);
 * ```
 */
export function ones_(tensor: Tensor): Tensor {
  checkTarget(tensor, 'ones_');
  return writeValues(tensor, new Float32Array(tensor.numel()).fill(1));
}

/**
 * Fills `tensor` in place with zeros (PyTorch's `nn.init.zeros_`). Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.zeros_(linear.bias!);
 * ```
 */
export function zeros_(tensor: Tensor): Tensor {
  checkTarget(tensor, 'zeros_');
  return writeValues(tensor, new Float32Array(tensor.numel()));
}
