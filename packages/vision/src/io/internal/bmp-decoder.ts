import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import { u16le, u32le } from './image-probe';
import { buildPalette, expandPalette } from './palette';
import type { RawImage } from './raw-image';
import { decodeBmpRle } from './bmp-rle';

const HEADER_SIZES = [12, 40, 64, 108, 124];
const COMPRESSION = ['BI_RGB', 'BI_RLE8', 'BI_RLE4', 'BI_BITFIELDS', 'BI_JPEG', 'BI_PNG'];

interface BmpHeader {
  width: number;
  height: number;
  topDown: boolean;
  bits: number;
  compression: number;
  colors: number;
  /** Bytes per palette entry: 3 (OS/2 v1) or 4. */
  paletteStride: number;
  paletteAt: number;
  dataAt: number;
  masks: [number, number, number, number] | null;
}

/**
 * @internal Decodes a Windows/OS2 bitmap as PIL 9.4's BmpImagePlugin does: 1/4/8-bit palettes
 * (a palette of grays 0..n-1, or black and white, makes mode `L`), 16-bit 5-5-5, 24-bit, 32-bit
 * (the fourth byte ignored), BI_BITFIELDS (any masks; PIL's supported ones give PIL's values,
 * an alpha mask gives RGBA), RLE8 and RLE4, bottom-up or top-down rows.
 */
export function decodeBmpRaw(b: Uint8Array, ctx: DecodeContext): RawImage {
  const h = readHeader(b, ctx);
  const { width, height, bits } = h;
  checkImageSize(ctx, 'BMP', width, height);
  if (bits <= 8) return decodePaletted(b, h, ctx);
  if (h.compression !== 0 && h.compression !== 3) throw imageError(ctx, `unsupported BMP: ${COMPRESSION[h.compression] ?? `compression ${h.compression}`} with ${bits}-bit pixels`);
  const stride = rowStride(width, bits);
  checkData(b, h, stride, ctx);
  let masks = h.masks ?? (bits === 16 ? [0x7c00, 0x3e0, 0x1f, 0] : [0xff0000, 0xff00, 0xff, 0]);
  if (bits === 32 && masks.every((m) => m === 0)) masks = [0xff0000, 0xff00, 0xff, 0xff000000]; // PIL: BGRA
  if (bits === 24 && h.masks !== null && (masks[0] !== 0xff0000 || masks[1] !== 0xff00 || masks[2] !== 0xff)) {
    throw imageError(ctx, 'unsupported BMP: 24-bit BI_BITFIELDS masks other than BGR');
  }
  const channels = masks[3] !== 0 && bits === 32 ? 4 : 3;
  const out = new Uint8Array(width * height * channels);
  const fields = masks.map(field);
  const bytes = bits / 8;
  for (let row = 0; row < height; row++) {
    const y = h.topDown ? row : height - 1 - row;
    let s = h.dataAt + row * stride;
    let d = y * width * channels;
    for (let x = 0; x < width; x++, s += bytes, d += channels) {
      if (bits === 24 && h.masks === null) {
        out[d] = b[s + 2]!;
        out[d + 1] = b[s + 1]!;
        out[d + 2] = b[s]!;
        continue;
      }
      const v = bits === 16 ? u16le(b, s) : bits === 24 ? b[s]! | (b[s + 1]! << 8) | (b[s + 2]! << 16) : u32le(b, s);
      for (let c = 0; c < channels; c++) out[d + c] = fields[c]!(v);
    }
  }
  return { width, height, channels, data: out };
}

/** A mask's component scaled to 8 bits, truncating as PIL's unpackers do (`v * 255 / max`). */
function field(mask: number): (v: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return max === 255 ? (v) => (v >>> shift) & 255 : (v) => Math.floor((((v & mask) >>> shift) * 255) / max);
}

function rowStride(width: number, bits: number): number {
  return Math.floor((width * bits + 31) / 32) * 4;
}

function checkData(b: Uint8Array, h: BmpHeader, stride: number, ctx: DecodeContext): void {
  const need = stride * h.height;
  if (h.dataAt + need > b.length) {
    throw imageError(ctx, `truncated BMP: ${h.width}x${h.height} ${h.bits}-bit pixels need ${need} bytes from byte ${h.dataAt}, the file has ${Math.max(0, b.length - h.dataAt)}`);
  }
}

function readHeader(b: Uint8Array, ctx: DecodeContext): BmpHeader {
  if (b.length < 18) throw imageError(ctx, `truncated BMP: ${b.length} bytes, less than the file header`);
  const size = u32le(b, 14);
  if (!HEADER_SIZES.includes(size)) throw imageError(ctx, `unsupported BMP: header size ${size} (expected ${HEADER_SIZES.join(', ')})`);
  if (b.length < 14 + size) throw imageError(ctx, `truncated BMP: the ${size}-byte info header ends past the end of the ${b.length}-byte file`);
  let dataAt = u32le(b, 10);
  if (size === 12) {
    return { width: u16le(b, 18), height: u16le(b, 20), topDown: false, bits: u16le(b, 24), compression: 0, colors: 0, paletteStride: 3, paletteAt: 26, dataAt, masks: null };
  }
  const topDown = b[25] === 0xff; // PIL: the height's top byte 0xFF means negative (top-down)
  const rawHeight = u32le(b, 22);
  const height = topDown ? 2 ** 32 - rawHeight : rawHeight;
  const bits = u16le(b, 28);
  const compression = u32le(b, 30);
  const colors = u32le(b, 46) || (bits <= 8 ? 1 << bits : 0);
  let masks: BmpHeader['masks'] = null;
  let paletteAt = 14 + size;
  if (compression === 3) {
    if (size >= 56) masks = [u32le(b, 54), u32le(b, 58), u32le(b, 62), u32le(b, 66)];
    else {
      if (b.length < 66) throw imageError(ctx, 'truncated BMP: the file ends inside the BI_BITFIELDS masks');
      masks = [u32le(b, 54), u32le(b, 58), u32le(b, 62), 0];
      paletteAt += 12;
    }
  }
  if (dataAt === 14 + size && bits <= 8) dataAt += 4 * colors; // PIL's fix for offsets that forget the palette
  return { width: u32le(b, 18), height, topDown, bits, compression, colors, paletteStride: 4, paletteAt, dataAt, masks };
}

function decodePaletted(b: Uint8Array, h: BmpHeader, ctx: DecodeContext): RawImage {
  const { width, height, bits } = h;
  if (bits !== 1 && bits !== 4 && bits !== 8) throw imageError(ctx, `unsupported BMP: ${bits}-bit pixels`);
  if (!(h.colors > 0 && h.colors <= 65536)) throw imageError(ctx, `unsupported BMP: a palette of ${h.colors} colours`);
  if (h.paletteAt + h.colors * h.paletteStride > b.length) throw imageError(ctx, `truncated BMP: the file ends inside the ${h.colors}-colour palette`);
  let indices: Uint8Array;
  if (h.compression === 1 || h.compression === 2) {
    indices = decodeBmpRle(b, h.dataAt, width, height, h.compression === 2, ctx);
  } else if (h.compression === 0) {
    const stride = rowStride(width, bits);
    checkData(b, h, stride, ctx);
    indices = new Uint8Array(width * height);
    const perByte = 8 / bits;
    const mask = (1 << bits) - 1;
    for (let row = 0; row < height; row++) {
      const s = h.dataAt + row * stride;
      const d = row * width;
      for (let x = 0; x < width; x++) {
        const byte = b[s + Math.floor(x / perByte)]!;
        indices[d + x] = (byte >> (8 - bits * ((x % perByte) + 1))) & mask;
      }
    }
  } else {
    throw imageError(ctx, `unsupported BMP: ${COMPRESSION[h.compression] ?? `compression ${h.compression}`} with ${bits}-bit pixels`);
  }
  if (!h.topDown) indices = flipRows(indices, width, height);
  const gray = grayPalette(b, h);
  if (gray) {
    if (h.colors === 2) for (let i = 0; i < indices.length; i++) indices[i] = indices[i] ? 255 : 0;
    return { width, height, channels: 1, data: indices };
  }
  const palette = buildPalette(b, h.paletteAt, h.colors, h.paletteStride, 'bgr');
  return { width, height, channels: 3, data: expandPalette(indices, palette, null) };
}

/** PIL drops a palette of grays 0, 1, ..., n-1 (or black and white for 2 colours): mode L (or 1). */
function grayPalette(b: Uint8Array, h: BmpHeader): boolean {
  const n = Math.min(h.colors, 256);
  for (let i = 0; i < n; i++) {
    const v = h.colors === 2 ? i * 255 : i;
    const s = h.paletteAt + i * h.paletteStride;
    if (b[s] !== v || b[s + 1] !== v || b[s + 2] !== v) return false;
  }
  return true;
}

function flipRows(src: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) out.set(src.subarray(y * width, (y + 1) * width), (height - 1 - y) * width);
  return out;
}
