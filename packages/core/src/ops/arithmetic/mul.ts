import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/**
 * Elementwise product with broadcasting.
 *
 * @example
 * ```ts
 * dl.mul(dl.tensor([1, 2]), dl.tensor([3, 4])).tolist(); // [3, 8]
 * ```
 */
export function mul(input: TensorLike, other: TensorLike): Tensor {
  const [a, b] = binaryOperands(input, other, 'mul');
  return kernelOp('Multiply', { a, b }, {}, 'Mul');
}

/**
 * Alias of {@link mul} (PyTorch's `torch.multiply`).
 *
 * @example
 * ```ts
 * dl.multiply(dl.tensor([2]), 3).tolist(); // [6]
 * ```
 */
export const multiply = mul;
