import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { permute } from './permute';
import { fmtShape } from './shape-utils';
import { transpose } from './transpose';
import { assertTensor } from '../arg-checks';

/**
 * Transposes a tensor of at most 2 dimensions (0-d and 1-d tensors are returned as they are).
 *
 * @example
 * ```ts
 * dl.t(dl.zeros([2, 3])).shape; // [3, 2]
 * ```
 */
export function t(input: Tensor): Tensor {
  assertTensor(input, 't');
  if (input.dim() > 2) throw new ShapeError(`t: expects a tensor with <= 2 dimensions, but got shape ${fmtShape(input.shape)}; use transpose(dim0, dim1) or mT`);
  return transpose(input, 0, -1);
}

/**
 * Transposes the last two dimensions (PyTorch's `Tensor.mT`, a batch of matrices).
 *
 * @example
 * ```ts
 * dl.matrixTranspose(dl.zeros([5, 2, 3])).shape; // [5, 3, 2]
 * ```
 */
export function matrixTranspose(input: Tensor): Tensor {
  assertTensor(input, 'matrixTranspose');
  if (input.dim() < 2) throw new ShapeError(`mT: tensor of shape ${fmtShape(input.shape)} has fewer than 2 dimensions`);
  return transpose(input, -2, -1);
}

/**
 * Reverses all dimensions (PyTorch's `Tensor.T`; for a matrix, its transpose).
 *
 * @example
 * ```ts
 * dl.reverseDims(dl.zeros([2, 3, 4])).shape; // [4, 3, 2]
 * ```
 */
export function reverseDims(input: Tensor): Tensor {
  assertTensor(input, 'reverseDims');
  const n = input.dim();
  return permute(input, Array.from({ length: n }, (_, i) => n - 1 - i));
}
