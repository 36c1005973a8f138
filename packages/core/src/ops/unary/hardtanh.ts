import type { Tensor } from '../../tensor/tensor';
import { hardClamp } from './hard-clamp';
import { assertOptions } from '../arg-checks';

/** Options of {@link hardtanh}. */
export interface HardtanhOptions {
  /** Lower bound. @default -1 */
  minVal?: number;
  /** Upper bound. @default 1 */
  maxVal?: number;
}

/**
 * Elementwise clamp to `[minVal, maxVal]` (PyTorch's `F.hardtanh`); the gradient is 1 strictly
 * inside the range and 0 elsewhere.
 *
 * @example
 * ```ts
 * dl.hardtanh(dl.tensor([-2, 0.5, 3])).tolist(); // [-1, 0.5, 1]
 * ```
 */
export function hardtanh(input: Tensor, options: HardtanhOptions = {}): Tensor {
  assertOptions(options, 'hardtanh', '{ minVal: -1, maxVal: 1 }');
  return hardClamp('Hardtanh', 'hardtanh', input, options.minVal ?? -1, options.maxVal ?? 1);
}
