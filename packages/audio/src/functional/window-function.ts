import type { Tensor } from '@dl/core';

/** The options any of the window functions take (each reads its own). */
export interface WindowOptions {
  /** A periodic window rather than a symmetric one. @default true */
  periodic?: boolean;
  /** Hamming's constant term. */
  alpha?: number;
  /** Hamming's cosine weight, Kaiser's shape parameter. */
  beta?: number;
}

/**
 * A function making a window of `windowLength` points, as the transforms' `windowFn` option takes
 * it (torchaudio's `window_fn`, called with the transform's `wkwargs`): {@link hannWindow} (the
 * default), {@link hammingWindow}, {@link blackmanWindow}, {@link bartlettWindow},
 * {@link kaiserWindow}, or your own.
 *
 * @example
 * ```ts
 * const rect: functional.WindowFunction = (n) => dl.ones([n]);
 * const spec = new transforms.Spectrogram({ windowFn: rect });
 * ```
 */
export type WindowFunction = (windowLength: number, options?: WindowOptions) => Tensor;

/** How a spectrogram is normalized: `'window'` (or `true`) by the window's L2 norm, `'frame_length'` by `sqrt(nFft)`, `false` not at all. */
export type Normalization = boolean | 'window' | 'frame_length';
