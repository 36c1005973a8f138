import type { Tensor } from '../../tensor/tensor';
import { hardClamp } from './hard-clamp';

/**
 * Elementwise `min(max(0, x), 6)` (PyTorch's `F.relu6`); integer tensors stay integer.
 *
 * @example
 * ```ts
 * dl.relu6(dl.tensor([-1, 3, 8])).tolist(); // [0, 3, 6]
 * ```
 */
export function relu6(input: Tensor): Tensor {
  return hardClamp('Relu6', 'relu6', input, 0, 6);
}
