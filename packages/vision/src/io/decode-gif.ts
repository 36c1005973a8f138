import type { Image } from '../image/image';
import { decodeContext } from './internal/decode-context';
import { decodeRawSync } from './internal/decode-raw';
import { toBytes } from './internal/image-bytes';
import { rawToImage } from './internal/raw-image';
import { checkImageMode } from './internal/read-mode';
import type { OpenImageOptions } from './open-image';

/**
 * Decodes the first frame of a GIF synchronously into an {@link Image}, as PIL 9.4 does: global
 * or local palette, interlacing, a transparent index (the image opens as `RGBA`, or `L` when the
 * palette is the gray ramp), a frame smaller than the screen on a background of index 0 (or the
 * transparent index). Throws an ImageError naming `source` for truncated or corrupt data.
 *
 * @example
 * ```ts
 * const frame = io.decodeGif(readFileSync('anim.gif'), { mode: 'RGB' });
 * ```
 */
export function decodeGif(input: Uint8Array | ArrayBuffer, options: OpenImageOptions = {}): Image {
  const mode = checkImageMode(options.mode, 'decodeGif');
  const bytes = toBytes(input, 'decodeGif');
  return rawToImage(decodeRawSync(bytes, decodeContext('decodeGif', options), ['gif']), mode);
}
