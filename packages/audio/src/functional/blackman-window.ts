import { type Tensor, tensor } from '@dl/core';
import { windowValues } from './internal/window-values';

/** Options of {@link blackmanWindow}. */
export interface BlackmanWindowOptions {
  /** A periodic window rather than a symmetric one. @default true */
  periodic?: boolean;
}

/**
 * The Blackman window (PyTorch's `torch.blackman_window`):
 * `0.42 - 0.5 cos(2πn / (N - 1)) + 0.08 cos(4πn / (N - 1))`, with `N` one more than
 * `windowLength` when `periodic`.
 *
 * @param windowLength the number of points.
 * @example
 * ```ts
 * functional.blackmanWindow(3, { periodic: false }).tolist(); // [0, 1, 0] (up to float32 rounding)
 * ```
 */
export function blackmanWindow(windowLength: number, options: BlackmanWindowOptions = {}): Tensor {
  const f = Math.fround;
  const values = windowValues('blackmanWindow', windowLength, options.periodic ?? true, (i, d) => {
    const x = f(i * f(Math.PI / d));
    return f(f(f(f(Math.cos(f(x * 4))) * f(0.08)) - f(f(Math.cos(f(x * 2))) * 0.5)) + f(0.42));
  });
  return tensor(values);
}
