import { kernelOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';
import { scaleByAlpha } from './scale-by-alpha';

/**
 * Elementwise `input - alpha * other`, with broadcasting and PyTorch's type promotion (PyTorch's
 * `torch.sub`, alias `subtract`).
 *
 * @param alpha multiplier of `other`. @default 1
 * @example
 * ```ts
 * dl.sub(dl.tensor([5, 7]), dl.tensor([1, 2]), { alpha: 2 }).tolist(); // [3, 3]
 * ```
 */
export function sub(input: TensorLike, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  const [a, b] = binaryOperands(input, other, 'sub');
  if (a.dtype === 'bool') {
    throw new DTypeError('sub: subtraction, the `-` operator, with two bool tensors is not supported (got dtype bool); use logicalXor() instead');
  }
  return kernelOp('Sub', { a, b: scaleByAlpha(b, options.alpha, 'sub') });
}

/**
 * Alias of {@link sub} (PyTorch's `torch.subtract`).
 *
 * @example
 * ```ts
 * dl.subtract(dl.tensor([3]), 1).tolist(); // [2]
 * ```
 */
export const subtract = sub;
