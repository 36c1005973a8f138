import { ImageError } from '../../errors/image-error';
import { activeSharp } from './active-sharp';
import { detectImageFormat, type ImageFormat } from '../image-format';
import { decodeBmpRaw } from './bmp-decoder';
import { type DecodeContext, imageError } from './decode-context';
import { decodeGifRaw } from './gif-decoder';
import { probeImage } from './probe-image';
import type { RawImage } from './raw-image';
import { sharpDecode } from './sharp-decode';
import { wasmDecode } from './wasm-decode';

/** @internal Format names as people write them. */
export const FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', bmp: 'BMP', tiff: 'TIFF' };

/**
 * @internal Decodes encoded image bytes with the active backend (GIF and BMP with this package's
 * decoders on both). Every failure is an ImageError `op: source: problem`.
 */
export async function decodeRaw(bytes: Uint8Array, ctx: DecodeContext): Promise<RawImage> {
  const format = detectImageFormat(bytes);
  if (format === null) throw unknownFormat(bytes, ctx);
  try {
    if (format === 'bmp') return decodeBmpRaw(bytes, ctx);
    if (format === 'gif') return decodeGifRaw(bytes, ctx);
    const sharp = activeSharp();
    const probe = probeImage(format, bytes, ctx, sharp === null);
    return sharp === null ? await wasmDecode(bytes, probe, ctx) : await sharpDecode(sharp, bytes, probe, ctx);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw imageError(ctx, `cannot decode the ${FORMAT_NAMES[format]} data (${message})`, error);
  }
}

/** @internal The synchronous decoders (BMP, GIF), for callers that cannot wait. */
export function decodeRawSync(bytes: Uint8Array, ctx: DecodeContext, formats: readonly ('bmp' | 'gif')[]): RawImage {
  const format = detectImageFormat(bytes);
  if (format === null) throw unknownFormat(bytes, ctx);
  if (!formats.includes(format as 'bmp' | 'gif')) throw imageError(ctx, `expected ${formats.map((f) => FORMAT_NAMES[f]).join(' or ')} data, got ${FORMAT_NAMES[format]} data`);
  try {
    return format === 'bmp' ? decodeBmpRaw(bytes, ctx) : decodeGifRaw(bytes, ctx);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw imageError(ctx, `cannot decode the ${FORMAT_NAMES[format]} data (${error instanceof Error ? error.message : String(error)})`, error);
  }
}

function unknownFormat(bytes: Uint8Array, ctx: DecodeContext): ImageError {
  if (bytes.length === 0) return imageError(ctx, 'empty input (0 bytes), not an image');
  const head = Array.from(bytes.subarray(0, 8), (v) => v.toString(16).padStart(2, '0')).join(' ');
  return imageError(ctx, `not an image in a supported format (JPEG, PNG, WebP, GIF, BMP, TIFF): the data starts with ${head}`);
}
