import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import { crc32 } from './crc32';
import { fourCC, type ImageProbe, u32be } from './image-probe';

const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Deflate never expands more than 1032:1 (a 258-byte match per 2 bits, at best). */
const DEFLATE_MAX_RATIO = 1032;

/**
 * @internal Reads a PNG's IHDR and walks its chunks (checking CRCs, `checkImageCrcs`: the IDATs'
 * too): the size (checked against the pixel limit),
 * the channels PIL gives (palette -> RGB, or RGBA with tRNS; gray/RGB + tRNS keep their mode with
 * a colour key), and whether the compressed data can possibly hold the claimed pixels.
 */
export function probePng(b: Uint8Array, ctx: DecodeContext, checkImageCrcs = false): ImageProbe {
  if (b.length < 33) throw imageError(ctx, `truncated PNG: ${b.length} bytes, less than the signature and IHDR chunk (33 bytes)`);
  if (u32be(b, 8) !== 13 || fourCC(b, 12) !== 'IHDR') throw imageError(ctx, `corrupt PNG: the first chunk is not a 13-byte IHDR (got '${printable(fourCC(b, 12))}', ${u32be(b, 8)} bytes)`);
  if (crc32(b, 12, 29) !== u32be(b, 29)) throw imageError(ctx, "corrupt PNG: the 'IHDR' chunk at byte 8 fails its CRC check");
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  const depth = b[24]!;
  const colorType = b[25]!;
  const interlace = b[28]!;
  if (!DEPTHS[colorType]?.includes(depth)) throw imageError(ctx, `corrupt PNG: bit depth ${depth} with colour type ${colorType} is not a valid combination`);
  if (width > 0x7fffffff || height > 0x7fffffff) throw imageError(ctx, `corrupt PNG: the IHDR size ${width}x${height} exceeds 2^31-1`);
  checkImageSize(ctx, 'PNG', width, height);
  let idat = 0;
  let palette = false;
  let trns = false;
  for (let at = 33; at + 12 <= b.length; ) {
    const len = u32be(b, at);
    const type = fourCC(b, at + 4);
    if (len > 0x7fffffff) throw imageError(ctx, `corrupt PNG: the '${printable(type)}' chunk at byte ${at} claims ${len} bytes`);
    if (at + 12 + len > b.length && (type === 'IDAT' || idat === 0)) {
      throw imageError(ctx, `truncated PNG: the '${printable(type)}' chunk at byte ${at} needs ${12 + len} bytes, the file ends ${b.length - at} bytes into it`);
    }
    // PIL checks the CRC of every chunk before the image data, libpng (sharp) of every chunk; the
    // wasm decoder of none, so its caller asks for the IDAT checks too (PIL's zlib would catch a
    // changed IDAT byte by its Adler-32, which that decoder does not check either).
    const whole = at + 12 + len <= b.length;
    if (whole && (idat === 0 || checkImageCrcs) && (type !== 'IDAT' || checkImageCrcs) && crc32(b, at + 4, at + 8 + len) !== u32be(b, at + 8 + len)) {
      throw imageError(ctx, `corrupt PNG: the '${printable(type)}' chunk at byte ${at} fails its CRC check`);
    }
    if (type === 'IDAT') idat += Math.min(len, b.length - at - 8);
    else if (type === 'PLTE') palette = true;
    else if (type === 'tRNS') trns = true;
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (idat === 0) throw imageError(ctx, 'truncated PNG: no image data (IDAT chunk)');
  if (colorType === 3 && !palette) throw imageError(ctx, 'corrupt PNG: a palette image without a PLTE chunk');
  const bitsPerPixel = SAMPLES[colorType]! * depth;
  // The least inflated size: every pixel's bits, plus one filter byte per row when not interlaced.
  const minRaw = interlace ? Math.ceil((width * height * bitsPerPixel) / 8) : height * (Math.ceil((width * bitsPerPixel) / 8) + 1);
  if (minRaw > idat * DEFLATE_MAX_RATIO + 1024) {
    throw imageError(
      ctx,
      `truncated or corrupt PNG: the header claims ${width}x${height} (${minRaw} bytes of pixel data), more than its ${idat} bytes of compressed data can hold (deflate expands at most ${DEFLATE_MAX_RATIO}x)`,
    );
  }
  const colorKey = trns && (colorType === 0 || colorType === 2);
  let channels: ImageProbe['channels'];
  if (colorType === 0) channels = colorKey ? 2 : 1;
  else if (colorType === 2) channels = colorKey ? 4 : 3;
  else if (colorType === 3) channels = trns ? 4 : 3;
  else channels = colorType === 4 ? 2 : 4;
  return { format: 'png', width, height, channels, colorKey, bitDepth: depth, cmyk: false };
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
