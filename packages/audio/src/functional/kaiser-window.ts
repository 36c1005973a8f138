import { type Tensor, tensor } from '@dl/core';
import { checkNumber } from './internal/checks';
import { besselI0, windowValues } from './internal/window-values';

/** Options of {@link kaiserWindow}. */
export interface KaiserWindowOptions {
  /** A periodic window rather than a symmetric one. @default true */
  periodic?: boolean;
  /** The shape parameter: larger is narrower. @default 12 */
  beta?: number;
}

/**
 * The Kaiser window (PyTorch's `torch.kaiser_window`): `I0(beta sqrt(1 - (2n / (N - 1) - 1)^2)) / I0(beta)`,
 * with `N` one more than `windowLength` when `periodic`.
 *
 * @param windowLength the number of points.
 * @example
 * ```ts
 * const w = functional.kaiserWindow(400, { beta: 8 });
 * ```
 */
export function kaiserWindow(windowLength: number, options: KaiserWindowOptions = {}): Tensor {
  const beta = options.beta ?? 12;
  checkNumber(beta, 'kaiserWindow', 'beta');
  const denom = besselI0(beta);
  const values = windowValues('kaiserWindow', windowLength, options.periodic ?? true, (i, d) => {
    const alpha = d / 2;
    const r = (i - alpha) / alpha;
    return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denom;
  });
  return tensor(values);
}
