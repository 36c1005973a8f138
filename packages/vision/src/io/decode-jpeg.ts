import type { Tensor } from '@dl/core';
import type { DecodeImageOptions } from './decode-image';
import { decodeAs } from './internal/decode-as';

/**
 * Decodes a JPEG into an int32 `[C, H, W]` tensor (torchvision's `decode_jpeg`): the same pixels
 * as PIL (libjpeg-turbo's default decoding) on both backends. Other formats reject with an
 * ImageError; use {@link decodeImage} for any format.
 *
 * @example
 * ```ts
 * const t = await io.decodeJpeg(await io.readFile('cat.jpg'), { mode: io.ImageReadMode.GRAY }); // [1, H, W]
 * ```
 */
export function decodeJpeg(input: Uint8Array | ArrayBuffer, options: DecodeImageOptions = {}): Promise<Tensor> {
  return decodeAs('jpeg', 'decodeJpeg', input, options);
}
