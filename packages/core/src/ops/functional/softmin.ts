import type { Tensor } from '../../tensor/tensor';
import { softmaxInput, softmaxOp, type SoftmaxOptions } from './softmax-core';
import { assertTensor } from '../arg-checks';

/**
 * Softmin along `dim`: the softmax of `-input` (PyTorch's `F.softmin`).
 *
 * @param dim the dimension that sums to 1 (negative counts from the end).
 * @param options `dtype` casts the input first (default: the input's dtype, which must be float32).
 * @example
 * ```ts
 * dl.softmin(dl.tensor([1, 2, 3]), 0).tolist(); // [0.6652, 0.2447, 0.0900]
 * ```
 */
export function softmin(input: Tensor, dim: number, options: SoftmaxOptions = {}): Tensor {
  assertTensor(input, 'softmin');
  const [x, axis] = softmaxInput(input, dim, 'softmin', options);
  return softmaxOp('Softmin', x, axis, true);
}
