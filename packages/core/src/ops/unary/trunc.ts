import { rawTrunc } from './raw';
import type { Tensor } from '../../tensor/tensor';
import { roundingOp } from './rounding';

/**
 * Elementwise rounding toward zero (PyTorch's `torch.trunc`, alias `fix`); integer tensors are
 * returned as a copy. The gradient is 0.
 *
 * @example
 * ```ts
 * dl.trunc(dl.tensor([-1.7, 1.7])).tolist(); // [-1, 1]
 * ```
 */
export function trunc(input: Tensor): Tensor {
  return roundingOp('Trunc', 'trunc', input, rawTrunc);
}

/**
 * Alias of {@link trunc} (PyTorch's `torch.fix`).
 *
 * @example
 * ```ts
 * dl.fix(dl.tensor([-1.7])).tolist(); // [-1]
 * ```
 */
export const fix = trunc;
