import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import { fourCC, type ImageProbe, u16le, u32le } from './image-probe';

/**
 * @internal Reads a WebP's first chunk: `VP8 ` (lossy, RGB), `VP8L` (lossless; an alpha bit) or
 * `VP8X` (extended; canvas size and an alpha flag). PIL opens WebP as RGBA when it has alpha,
 * else RGB.
 */
export function probeWebp(b: Uint8Array, ctx: DecodeContext): ImageProbe {
  if (b.length < 30) throw imageError(ctx, `truncated WebP: ${b.length} bytes, less than a RIFF header and a frame header (30 bytes)`);
  const chunk = fourCC(b, 12);
  let width: number;
  let height: number;
  let alpha: boolean;
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) throw imageError(ctx, 'corrupt WebP: the VP8 frame has no start code (9d 01 2a)');
    width = u16le(b, 26) & 0x3fff;
    height = u16le(b, 28) & 0x3fff;
    alpha = false;
  } else if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) throw imageError(ctx, `corrupt WebP: the VP8L signature is 0x${b[20]!.toString(16)}, not 0x2f`);
    const bits = u32le(b, 21);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
    alpha = ((bits >>> 28) & 1) === 1;
  } else if (chunk === 'VP8X') {
    alpha = (b[20]! & 0x10) !== 0;
    width = (b[24]! | (b[25]! << 8) | (b[26]! << 16)) + 1;
    height = (b[27]! | (b[28]! << 8) | (b[29]! << 16)) + 1;
  } else {
    throw imageError(ctx, `corrupt WebP: the first chunk is '${chunk.replace(/[^\x20-\x7e]/g, '?')}', not VP8, VP8L or VP8X`);
  }
  checkImageSize(ctx, 'WebP', width, height);
  return { format: 'webp', width, height, channels: alpha ? 4 : 3, colorKey: false, bitDepth: 8, cmyk: false };
}
