import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { floatPredicate } from './float-predicate';

/**
 * Elementwise test for +Infinity or -Infinity, as a bool tensor (PyTorch's `torch.isinf`).
 *
 * @example
 * ```ts
 * dl.isinf(dl.tensor([1, -Infinity, NaN])).tolist(); // [false, true, false]
 * ```
 */
export function isinf(input: Tensor): Tensor {
  return floatPredicate('IsInf', 'isinf', input, (x) => tf.isInf(x), false);
}
