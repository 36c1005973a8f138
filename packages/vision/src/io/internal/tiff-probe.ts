import type { RawChannels } from './raw-image';
import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import type { ImageProbe } from './image-probe';

const TYPE_SIZES: Record<number, number> = { 1: 1, 3: 2, 4: 4 };

/**
 * @internal Reads the first IFD of a TIFF: size, samples per pixel, bits per sample, photometric
 * interpretation and extra (alpha) samples: enough to give PIL's mode (gray `L`, `LA`, `RGB`,
 * `RGBA` when an extra sample is declared, palette -> RGB, CMYK, YCbCr -> RGB).
 */
export function probeTiff(b: Uint8Array, ctx: DecodeContext): ImageProbe {
  if (b.length < 8) throw imageError(ctx, `truncated TIFF: ${b.length} bytes, less than the 8-byte header`);
  const le = b[0] === 0x49;
  const u16 = (at: number) => (le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
  const u32 = (at: number) => (le ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0);
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > b.length) throw imageError(ctx, `truncated TIFF: the first IFD offset ${ifd} is outside the ${b.length}-byte file`);
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > b.length) throw imageError(ctx, `truncated TIFF: the first IFD (${count} entries at byte ${ifd}) ends past the end of the file`);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = u32(e + 4);
    const size = TYPE_SIZES[type];
    if (size === undefined || n === 0) continue;
    const at = n * size <= 4 ? e + 8 : u32(e + 8);
    const values: number[] = [];
    for (let k = 0; k < Math.min(n, 4); k++) {
      const p = at + k * size;
      if (p + size > b.length) break;
      values.push(size === 1 ? b[p]! : size === 2 ? u16(p) : u32(p));
    }
    tags.set(tag, values);
  }
  const width = tags.get(256)?.[0] ?? 0;
  const height = tags.get(257)?.[0] ?? 0;
  checkImageSize(ctx, 'TIFF', width, height);
  const bits = tags.get(258)?.[0] ?? 1;
  const photometric = tags.get(262)?.[0];
  const spp = tags.get(277)?.[0] ?? 1;
  const extra = tags.has(338);
  if (![1, 2, 4, 8, 16].includes(bits)) throw imageError(ctx, `unsupported TIFF: ${bits} bits per sample`);
  let channels: RawChannels;
  let cmyk = false;
  if (photometric === 0 || photometric === 1) channels = spp >= 2 && extra ? 2 : 1;
  else if (photometric === 2 || photometric === 6) channels = spp >= 4 && extra ? 4 : 3;
  else if (photometric === 3) channels = 3;
  else if (photometric === 5) {
    channels = 3;
    cmyk = true;
  } else throw imageError(ctx, `unsupported TIFF: photometric interpretation ${photometric ?? '(missing)'}`);
  return { format: 'tiff', width, height, channels, colorKey: false, bitDepth: bits, cmyk };
}
