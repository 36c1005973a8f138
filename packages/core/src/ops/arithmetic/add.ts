import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';
import { scaleByAlpha } from './scale-by-alpha';

/**
 * Elementwise `input + alpha * other`, with broadcasting and PyTorch's type promotion. A
 * fractional `alpha` with integer tensors is refused, as in PyTorch.
 *
 * @param alpha multiplier of `other`. @default 1
 * @example
 * ```ts
 * dl.add(dl.tensor([1, 2]), 10).tolist(); // [11, 12]
 * ```
 */
export function add(input: TensorLike, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  const [a, b] = binaryOperands(input, other, 'add');
  return kernelOp('Add', { a, b: scaleByAlpha(b, options.alpha, 'add') });
}
