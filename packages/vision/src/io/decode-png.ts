import type { Tensor } from '@dl/core';
import type { DecodeImageOptions } from './decode-image';
import { decodeAs } from './internal/decode-as';

/**
 * Decodes a PNG into an int32 `[C, H, W]` tensor (torchvision's `decode_png`), all colour types
 * and bit depths, with PIL's 8-bit values for 16-bit files. Other formats reject with an
 * ImageError; use {@link decodeImage} for any format.
 *
 * @example
 * ```ts
 * const t = await io.decodePng(await io.readFile('mask.png')); // [1, H, W] for a gray PNG
 * ```
 */
export function decodePng(input: Uint8Array | ArrayBuffer, options: DecodeImageOptions = {}): Promise<Tensor> {
  return decodeAs('png', 'decodePng', input, options);
}
