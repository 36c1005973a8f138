import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import { encodePngRaw } from './internal/encode-raw';
import { checkCompressionLevel } from './internal/encode-options';
import { encodeSource } from './internal/encode-source';

/**
 * Options of {@link encodePng} and {@link writePng}.
 *
 * @example
 * ```ts
 * await io.writePng(mask, 'mask.png', { compressionLevel: 9 });
 * ```
 */
export interface EncodePngOptions {
  /** zlib compression level, 0 (none, fastest) to 9 (smallest). @default 6 */
  compressionLevel?: number;
}

/**
 * Encodes an image as an 8-bit PNG (torchvision's `encode_png`): an {@link Image} (`L`, `RGB`,
 * `RGBA`), or a `[1 | 2 | 3 | 4, H, W]` tensor, int32 0..255 or float32 in [0, 1] (scaled as
 * `saveImage` does). Lossless: decoding gives the pixels back.
 *
 * @example
 * ```ts
 * const bytes = await io.encodePng(dl.randint(0, 256, [3, 8, 8], { dtype: 'int32' }), { compressionLevel: 9 });
 * ```
 */
export async function encodePng(input: Image | Tensor, options: EncodePngOptions = {}): Promise<Uint8Array> {
  const level = checkCompressionLevel(options.compressionLevel ?? 6, 'encodePng');
  return encodePngRaw(encodeSource(input, 'encodePng', [1, 2, 3, 4]), level);
}
