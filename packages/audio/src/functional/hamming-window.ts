import { type Tensor, tensor } from '@dl/core';
import { checkNumber } from './internal/checks';
import { windowValues } from './internal/window-values';

/** Options of {@link hammingWindow}. */
export interface HammingWindowOptions {
  /** A periodic window rather than a symmetric one. @default true */
  periodic?: boolean;
  /** The constant term. @default 0.54 */
  alpha?: number;
  /** The cosine weight. @default 0.46 */
  beta?: number;
}

/**
 * The Hamming window (PyTorch's `torch.hamming_window`): `alpha - beta cos(2πn / (N - 1))`, with
 * `N` one more than `windowLength` when `periodic`.
 *
 * @param windowLength the number of points.
 * @example
 * ```ts
 * const t = new transforms.Spectrogram({ windowFn: functional.hammingWindow });
 * functional.hammingWindow(4).tolist(); // [0.08, 0.54, 1, 0.54]
 * ```
 */
export function hammingWindow(windowLength: number, options: HammingWindowOptions = {}): Tensor {
  const alpha = options.alpha ?? 0.54;
  const beta = options.beta ?? 0.46;
  checkNumber(alpha, 'hammingWindow', 'alpha');
  checkNumber(beta, 'hammingWindow', 'beta');
  const f = Math.fround;
  const values = windowValues('hammingWindow', windowLength, options.periodic ?? true, (i, d) => f(f(f(Math.cos(f(i * f((2 * Math.PI) / d)))) * -f(beta)) + f(alpha)));
  return tensor(values);
}
