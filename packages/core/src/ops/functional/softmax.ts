import type { Tensor } from '../../tensor/tensor';
import { softmaxInput, softmaxOp, type SoftmaxOptions } from './softmax-core';
import { assertTensor } from '../arg-checks';


/**
 * Softmax along `dim`: `exp(x) / sum(exp(x))`, computed stably (PyTorch's `F.softmax`).
 *
 * @param dim the dimension that sums to 1 (negative counts from the end).
 * @param options `dtype` casts the input first (default: the input's dtype, which must be float32).
 * @example
 * ```ts
 * dl.softmax(dl.tensor([[1, 2, 3]]), 1).tolist(); // [[0.0900, 0.2447, 0.6652]]
 * ```
 */
export function softmax(input: Tensor, dim: number, options: SoftmaxOptions = {}): Tensor {
  assertTensor(input, 'softmax');
  const [x, axis] = softmaxInput(input, dim, 'softmax', options);
  return softmaxOp('Softmax', x, axis, false);
}
