import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/**
 * Elementwise `input + alpha * other`, with broadcasting and PyTorch's type promotion.
 *
 * @param alpha multiplier of `other`. @default 1
 * @example
 * ```ts
 * dl.add(dl.tensor([1, 2]), 10).tolist(); // [11, 12]
 * ```
 */
export function add(input: TensorLike, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  const alpha = options.alpha ?? 1;
  const [a, b] = binaryOperands(input, other, 'add');
  if (alpha === 1) return kernelOp('Add', { a, b });
  const [bs, s] = binaryOperands(b, alpha, 'add');
  return kernelOp('Add', { a, b: kernelOp('Multiply', { a: bs, b: s }, {}, 'Mul') });
}
