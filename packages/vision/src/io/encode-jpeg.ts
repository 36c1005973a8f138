import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import { encodeJpegRaw } from './internal/encode-raw';
import { checkQuality } from './internal/encode-options';
import { encodeSource } from './internal/encode-source';

/**
 * Options of {@link encodeJpeg} and {@link writeJpeg}.
 *
 * @example
 * ```ts
 * await io.writeJpeg(img, 'out.jpg', { quality: 95 });
 * ```
 */
export interface EncodeJpegOptions {
  /** JPEG quality, 1 (smallest) to 100 (best). @default 75 */
  quality?: number;
}

/**
 * Encodes an image as a baseline JPEG (torchvision's `encode_jpeg`, PIL's `save(f, 'JPEG')`):
 * 4:2:0 chroma and the standard quantisation tables scaled by `quality`, as libjpeg does. Takes
 * an `L`/`RGB` {@link Image}, or a `[1 | 3, H, W]` tensor: int32 0..255, or float32 in [0, 1]
 * (scaled as `saveImage` does). The bytes differ from libjpeg's (MozJPEG optimises the Huffman
 * tables) but decode to an image of the same quality.
 *
 * @example
 * ```ts
 * const bytes = await io.encodeJpeg(img, { quality: 90 });
 * await io.writeFile('out.jpg', bytes);
 * ```
 */
export async function encodeJpeg(input: Image | Tensor, options: EncodeJpegOptions = {}): Promise<Uint8Array> {
  const quality = checkQuality(options.quality ?? 75, 'encodeJpeg');
  return encodeJpegRaw(encodeSource(input, 'encodeJpeg', [1, 3]), quality, 'encodeJpeg');
}
