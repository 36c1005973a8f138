import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { floatPredicate } from './float-predicate';

/**
 * Elementwise test for NaN, as a bool tensor (PyTorch's `torch.isnan`).
 *
 * @example
 * ```ts
 * dl.isnan(dl.tensor([1, NaN])).tolist(); // [false, true]
 * ```
 */
export function isnan(input: Tensor): Tensor {
  return floatPredicate('IsNan', 'isnan', input, (x) => tf.isNaN(x), false);
}
