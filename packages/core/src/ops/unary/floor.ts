import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { roundingOp } from './rounding';

/**
 * Elementwise largest integer not greater than `x` (PyTorch's `torch.floor`); integer tensors
 * are returned as a copy. The gradient is 0.
 *
 * @example
 * ```ts
 * dl.floor(dl.tensor([-1.5, 1.5])).tolist(); // [-2, 1]
 * ```
 */
export function floor(input: Tensor): Tensor {
  return roundingOp('Floor', 'floor', input, (x) => tf.floor(x));
}
