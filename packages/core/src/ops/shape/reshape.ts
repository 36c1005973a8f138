import type { Tensor } from '../../tensor/tensor';
import { inferShape, reshapeTo } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/**
 * A tensor with the same values in a new shape (PyTorch's `torch.reshape`); one size may be
 * `-1` and is inferred.
 *
 * @example
 * ```ts
 * dl.reshape(dl.arange(6), [2, -1]).shape; // [2, 3]
 * ```
 */
export function reshape(input: Tensor, shape: readonly number[]): Tensor {
  assertTensor(input, 'reshape');
  assertNumberList(shape, 'reshape', 'shape');
  return reshapeTo(input, inferShape(input.shape, shape, 'reshape'), 'Reshape');
}

/**
 * `input` reshaped to `other`'s shape (PyTorch's `Tensor.reshape_as`).
 *
 * @example
 * ```ts
 * dl.reshapeAs(dl.arange(6), dl.zeros([3, 2])).shape; // [3, 2]
 * ```
 */
export function reshapeAs(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'reshapeAs');
  assertTensor(other, 'reshapeAs', 'other');
  return reshapeTo(input, inferShape(input.shape, other.shape, 'reshapeAs'), 'Reshape');
}
