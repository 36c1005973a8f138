import type { Image } from '../image/image';
import { decodeContext } from './internal/decode-context';
import { decodeRaw } from './internal/decode-raw';
import { toBytes } from './internal/image-bytes';
import { rawToImage } from './internal/raw-image';
import { checkImageMode } from './internal/read-mode';
import type { OpenImageOptions } from './open-image';

/**
 * Decodes encoded image bytes into an {@link Image} (PIL's `Image.open(BytesIO(b)).convert(mode)`);
 * {@link openImage} does the same from a path. Rejects with an ImageError naming `source`
 * (`<buffer>` by default).
 *
 * @example
 * ```ts
 * const img = await io.decodeImageToImage(bytes, { mode: 'L' });
 * img.mode; // 'L'
 * ```
 */
export async function decodeImageToImage(input: Uint8Array | ArrayBuffer, options: OpenImageOptions = {}): Promise<Image> {
  const mode = checkImageMode(options.mode, 'decodeImageToImage');
  const bytes = toBytes(input, 'decodeImageToImage');
  return rawToImage(await decodeRaw(bytes, decodeContext('decodeImageToImage', options)), mode);
}
