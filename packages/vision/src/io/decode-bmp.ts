import type { Image } from '../image/image';
import { decodeContext } from './internal/decode-context';
import { decodeRawSync } from './internal/decode-raw';
import { toBytes } from './internal/image-bytes';
import { rawToImage } from './internal/raw-image';
import { checkImageMode } from './internal/read-mode';
import type { OpenImageOptions } from './open-image';

/**
 * Decodes a BMP synchronously into an {@link Image}, with PIL 9.4's pixels and modes: 1/4/8-bit
 * palettes (a gray palette gives `L`), 16-bit 5-5-5 and BI_BITFIELDS, 24-bit, 32-bit (BGRA masks
 * give `RGBA`), RLE8/RLE4, bottom-up and top-down rows, OS/2 and V3-V5 headers. Both backends use
 * it (libvips has no BMP loader). Throws an ImageError naming `source` for truncated or corrupt
 * data, unsupported layouts, and sizes above `maxPixels`.
 *
 * @example
 * ```ts
 * const sheet = io.decodeBmp(readFileSync('patches0001.bmp')); // PhotoTour's 1024x1024 patch sheets
 * sheet.mode; // 'L'
 * ```
 */
export function decodeBmp(input: Uint8Array | ArrayBuffer, options: OpenImageOptions = {}): Image {
  const mode = checkImageMode(options.mode, 'decodeBmp');
  const bytes = toBytes(input, 'decodeBmp');
  return rawToImage(decodeRawSync(bytes, decodeContext('decodeBmp', options), ['bmp']), mode);
}
