import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { roundingOp } from './rounding';

/**
 * Elementwise smallest integer not less than `x` (PyTorch's `torch.ceil`); integer tensors are
 * returned as a copy. The gradient is 0.
 *
 * @example
 * ```ts
 * dl.ceil(dl.tensor([-1.5, 1.5])).tolist(); // [-1, 2]
 * ```
 */
export function ceil(input: Tensor): Tensor {
  return roundingOp('Ceil', 'ceil', input, (x) => tf.ceil(x));
}
