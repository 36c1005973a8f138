import { type Tensor, tensor } from '@dl/core';
import { windowValues } from './internal/window-values';

/** Options of {@link hannWindow}. */
export interface HannWindowOptions {
  /** A periodic window (for spectral analysis, the first `n` of `n + 1` points) rather than a symmetric one. @default true */
  periodic?: boolean;
}

/**
 * The Hann window (PyTorch's `torch.hann_window`): `0.5 - 0.5 cos(2πn / (N - 1))`, with `N` one
 * more than `windowLength` when `periodic`. The default window of every spectrogram transform.
 *
 * @param windowLength the number of points.
 * @example
 * ```ts
 * functional.hannWindow(4).tolist(); // [0, 0.5, 1, 0.5]
 * functional.hannWindow(4, { periodic: false }).tolist(); // [0, 0.75, 0.75, 0]
 * ```
 */
export function hannWindow(windowLength: number, options: HannWindowOptions = {}): Tensor {
  const f = Math.fround;
  const values = windowValues('hannWindow', windowLength, options.periodic ?? true, (i, d) => f(f(f(Math.cos(f(i * f((2 * Math.PI) / d)))) * -0.5) + 0.5));
  return tensor(values);
}
