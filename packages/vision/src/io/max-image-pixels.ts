import { checkMaxPixels } from './internal/check-max-pixels';

/**
 * The default largest image (width x height) the decoders accept: PIL's decompression-bomb error
 * threshold (`2 * Image.MAX_IMAGE_PIXELS` = 178,956,970 pixels). A header claiming more is
 * refused with an `ImageError` before any pixel memory is allocated.
 *
 * @example
 * ```ts
 * io.DEFAULT_MAX_IMAGE_PIXELS; // 178956970
 * ```
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 178_956_970;

let maxImagePixels = DEFAULT_MAX_IMAGE_PIXELS;

/**
 * Sets the largest image (width x height) every decoder accepts when a call passes no
 * `maxPixels` option, as PIL's `Image.MAX_IMAGE_PIXELS = ...`. `null` or `Infinity` removes the
 * limit (only for trusted files).
 *
 * @default DEFAULT_MAX_IMAGE_PIXELS (178,956,970)
 * @example
 * ```ts
 * io.setMaxImagePixels(20_000 * 20_000); // allow 400-megapixel scans
 * io.setMaxImagePixels(io.DEFAULT_MAX_IMAGE_PIXELS); // back to the default
 * ```
 */
export function setMaxImagePixels(pixels: number | null): void {
  maxImagePixels = checkMaxPixels(pixels, 'setMaxImagePixels');
}

/**
 * The largest image (width x height) decoders accept by default (see {@link setMaxImagePixels}).
 *
 * @example
 * ```ts
 * io.getMaxImagePixels(); // 178956970
 * ```
 */
export function getMaxImagePixels(): number {
  return maxImagePixels;
}
