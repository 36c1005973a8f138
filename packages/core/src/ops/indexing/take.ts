import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { reshape } from '../shape/reshape';
import { checkIndexDType, checkIndexRange, gatherNdOp, wrapIndex } from './index-utils';
import { assertTensor } from '../arg-checks';

/**
 * The elements of the flattened `input` at `index` (any shape; negative indices count from the
 * end); the result has the index's shape.
 *
 * @example
 * ```ts
 * dl.take(dl.tensor([[4, 3], [5, 7]]), dl.tensor([0, -1], { dtype: 'int32' })).tolist(); // [4, 7]
 * ```
 */
export function take(input: Tensor, index: Tensor): Tensor {
  assertTensor(input, 'take');
  checkIndexDType(index, 'take');
  const n = input.numel();
  checkIndexRange(index._value, n, 'take', 'the flattened input', true);
  const flat = reshape(input, [n]);
  const coords = tf.tidy(() => tf.expandDims(wrapIndex(index._value, n), -1));
  try {
    return gatherNdOp(flat, coords, 'Take');
  } finally {
    coords.dispose();
  }
}
