import { type Tensor, tensor } from '@dl/core';
import { windowValues } from './internal/window-values';

/** Options of {@link bartlettWindow}. */
export interface BartlettWindowOptions {
  /** A periodic window rather than a symmetric one. @default true */
  periodic?: boolean;
}

/**
 * The Bartlett (triangular) window (PyTorch's `torch.bartlett_window`): `1 - |2n / (N - 1) - 1|`,
 * with `N` one more than `windowLength` when `periodic`.
 *
 * @param windowLength the number of points.
 * @example
 * ```ts
 * functional.bartlettWindow(5, { periodic: false }).tolist(); // [0, 0.5, 1, 0.5, 0]
 * ```
 */
export function bartlettWindow(windowLength: number, options: BartlettWindowOptions = {}): Tensor {
  const f = Math.fround;
  const values = windowValues('bartlettWindow', windowLength, options.periodic ?? true, (i, d) => {
    const x = f(i * f(2 / d));
    // torch mirrors the second half (from index (N - 1) / 2 + 1) as 2 - x.
    return i >= (d >> 1) + 1 ? f(2 - x) : x;
  });
  return tensor(values);
}
