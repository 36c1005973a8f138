import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { floatPredicate } from './float-predicate';

/**
 * Elementwise test for finite values (not NaN, not infinite), as a bool tensor (PyTorch's
 * `torch.isfinite`). Integer and bool tensors are finite everywhere.
 *
 * @example
 * ```ts
 * dl.isfinite(dl.tensor([1, Infinity, NaN])).tolist(); // [true, false, false]
 * ```
 */
export function isfinite(input: Tensor): Tensor {
  return floatPredicate('IsFinite', 'isfinite', input, (x) => tf.isFinite(x), true);
}
