import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';

/**
 * Swaps two dimensions.
 *
 * @example
 * ```ts
 * dl.transpose(dl.zeros([2, 3, 4]), 0, -1).shape; // [4, 3, 2]
 * ```
 */
export function transpose(input: Tensor, dim0: number, dim1: number): Tensor {
  assertTensor(input, 'transpose');
  const rank = input.dim();
  const a = input._normDim(dim0, 'transpose');
  const b = input._normDim(dim1, 'transpose');
  if (rank < 2 || a === b) return kernelOp('Identity', { x: input }, {}, 'Transpose');
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[a] = b;
  perm[b] = a;
  return kernelOp('Transpose', { x: input }, { perm }, 'Transpose');
}

/**
 * Alias of {@link transpose} (NumPy's name).
 *
 * @example
 * ```ts
 * dl.swapaxes(dl.zeros([2, 3]), 0, 1).shape; // [3, 2]
 * ```
 */
export function swapaxes(input: Tensor, axis0: number, axis1: number): Tensor {
  assertTensor(input, 'swapaxes');
  return transpose(input, axis0, axis1);
}
