import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import { type ImageProbe, u16be } from './image-probe';

/**
 * @internal Walks a JPEG's marker segments up to its frame header (SOFn): size, components
 * (1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK) and coding. Refuses a size the file cannot hold: every 8x8
 * block costs at least one bit of Huffman-coded data (its DC code), so a Huffman JPEG of `n` bytes
 * codes at most `8n` blocks; the check allows `16n` blocks of the full image, twice that, for odd
 * sampling factors where no single component has full resolution in both directions.
 */
export function probeJpeg(b: Uint8Array, ctx: DecodeContext): ImageProbe {
  let at = 2;
  while (at < b.length) {
    // Bytes before a marker are skipped, as libjpeg does (with a "Corrupt JPEG data" warning).
    while (at < b.length && b[at] !== 0xff) at++;
    while (b[at] === 0xff && at < b.length) at++; // fill bytes
    if (at >= b.length) break;
    const marker = b[at++]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) throw imageError(ctx, `corrupt JPEG: ${marker === 0xd9 ? 'end of image' : 'scan data'} before the frame header (SOF)`);
    if (at + 2 > b.length) break;
    const len = u16be(b, at);
    if (len < 2) throw imageError(ctx, `corrupt JPEG: the segment of marker 0x${hex(marker)} at byte ${at - 2} has length ${len}`);
    if (at + len > b.length) break;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return frame(b, at, len, marker, ctx);
    at += len;
  }
  throw imageError(ctx, `truncated JPEG: the file (${b.length} bytes) ends before the frame header (SOF)`);
}

function frame(b: Uint8Array, at: number, len: number, marker: number, ctx: DecodeContext): ImageProbe {
  if (len < 8) throw imageError(ctx, `corrupt JPEG: a ${len}-byte frame header`);
  const precision = b[at + 2]!;
  const height = u16be(b, at + 3);
  const width = u16be(b, at + 5);
  const components = b[at + 7]!;
  if (marker === 0xc3 || marker === 0xc7 || marker === 0xcb || marker === 0xcf) throw imageError(ctx, `unsupported JPEG: lossless coding (SOF${marker - 0xc0})`);
  if (precision !== 8) throw imageError(ctx, `unsupported JPEG: ${precision}-bit samples (only 8-bit JPEGs are supported, as in PIL)`);
  if (height === 0) throw imageError(ctx, 'unsupported JPEG: the height is 0 (given later by a DNL marker)');
  if (components !== 1 && components !== 3 && components !== 4) throw imageError(ctx, `unsupported JPEG: ${components} colour components (expected 1, 3 or 4)`);
  checkImageSize(ctx, 'JPEG', width, height);
  const arithmetic = marker >= 0xc9;
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  if (!arithmetic && blocks > 16 * b.length) {
    throw imageError(ctx, `truncated or corrupt JPEG: the header claims ${width}x${height} (${blocks} 8x8 blocks), more than ${b.length} bytes of Huffman-coded data can hold (each block costs at least 1 bit)`);
  }
  return { format: 'jpeg', width, height, channels: components === 1 ? 1 : 3, colorKey: false, bitDepth: 8, cmyk: components === 4 };
}

function hex(v: number): string {
  return v.toString(16).padStart(2, '0');
}
