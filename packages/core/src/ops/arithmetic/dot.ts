import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { matmul } from './matmul';

/**
 * Dot product of two 1-D tensors of the same length, a 0-d tensor (PyTorch's `torch.dot`,
 * alias `inner` for vectors).
 *
 * @example
 * ```ts
 * dl.dot(dl.tensor([1, 2]), dl.tensor([3, 4])).item(); // 11
 * ```
 */
export function dot(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'dot');
  assertTensor(other, 'dot', 'other');
  if (input.dim() !== 1 || other.dim() !== 1) {
    throw new ShapeError(`dot: 1D tensors expected, but got ${input.dim()}D and ${other.dim()}D tensors`);
  }
  if (input.shape[0] !== other.shape[0]) {
    throw new ShapeError(`dot: inconsistent tensor size, expected tensors of the same number of elements, but got ${input.shape[0]} and ${other.shape[0]}`);
  }
  return matmul(input, other);
}
