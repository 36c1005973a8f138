import type { Tensor } from '../../tensor/tensor';
import { logBase } from './log-base';

/**
 * Elementwise base-10 logarithm (PyTorch's `torch.log10`).
 *
 * @example
 * ```ts
 * dl.log10(dl.tensor([1, 100])).tolist(); // [0, 2]
 * ```
 */
export function log10(input: Tensor): Tensor {
  return logBase('Log10', 'log10', input, Math.LN10);
}
