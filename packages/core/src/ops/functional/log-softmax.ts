import type { Tensor } from '../../tensor/tensor';
import { logSoftmaxOp, softmaxInput, type SoftmaxOptions } from './softmax-core';
import { assertTensor } from '../arg-checks';

/**
 * Log of the softmax along `dim`, computed stably as `x - max - log(sum(exp(x - max)))`
 * (PyTorch's `F.log_softmax`).
 *
 * @param dim the dimension normalised over (negative counts from the end).
 * @param options `dtype` casts the input first (default: the input's dtype, which must be float32).
 * @example
 * ```ts
 * dl.logSoftmax(dl.tensor([[1, 2, 3]]), -1).tolist(); // [[-2.4076, -1.4076, -0.4076]]
 * ```
 */
export function logSoftmax(input: Tensor, dim: number, options: SoftmaxOptions = {}): Tensor {
  assertTensor(input, 'logSoftmax');
  const [x, axis] = softmaxInput(input, dim, 'logSoftmax', options);
  return logSoftmaxOp(x, axis);
}
