import type { Tensor } from '../../tensor/tensor';
import { inferShape, reshapeTo } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/**
 * The same values in a new shape (PyTorch's `Tensor.view`). TensorFlow.js values have no
 * strides, so every tensor is contiguous and `view` never fails the way a non-contiguous
 * PyTorch view can; it equals `reshape`.
 *
 * @example
 * ```ts
 * dl.view(dl.zeros([4, 4]), [-1, 8]).shape; // [2, 8]
 * ```
 */
export function view(input: Tensor, shape: readonly number[]): Tensor {
  assertTensor(input, 'view');
  assertNumberList(shape, 'view', 'shape');
  return reshapeTo(input, inferShape(input.shape, shape, 'view'), 'View');
}

/**
 * `input` viewed with `other`'s shape (PyTorch's `Tensor.view_as`).
 *
 * @example
 * ```ts
 * dl.viewAs(dl.arange(6), dl.zeros([2, 3])).shape; // [2, 3]
 * ```
 */
export function viewAs(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'viewAs');
  assertTensor(other, 'viewAs', 'other');
  return reshapeTo(input, inferShape(input.shape, other.shape, 'viewAs'), 'View');
}
