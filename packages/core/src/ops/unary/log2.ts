import type { Tensor } from '../../tensor/tensor';
import { logBase } from './log-base';

/**
 * Elementwise base-2 logarithm (PyTorch's `torch.log2`).
 *
 * @example
 * ```ts
 * dl.log2(dl.tensor([1, 8])).tolist(); // [0, 3]
 * ```
 */
export function log2(input: Tensor): Tensor {
  return logBase('Log2', 'log2', input, Math.LN2);
}
