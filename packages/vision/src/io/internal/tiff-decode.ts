import { createRequire } from 'node:module';
import { adaptChannels } from './adapt-channels';
import { cmykToRgb } from './cmyk';
import { type DecodeContext, imageError } from './decode-context';
import { exactArrayBuffer } from './image-bytes';
import type { ImageProbe } from './image-probe';
import type { RawImage } from './raw-image';

interface Ifd {
  [tag: string]: unknown;
  width: number;
  height: number;
  data?: Uint8Array;
}

interface Utif {
  decode(buffer: ArrayBuffer): Ifd[];
  decodeImage(buffer: ArrayBuffer, ifd: Ifd): void;
  toRGBA8(ifd: Ifd): Uint8Array;
}

let utif: Utif | undefined;

function tag(ifd: Ifd, id: number): number[] | undefined {
  return ifd[`t${id}`] as number[] | undefined;
}

/**
 * @internal Decodes the first image of a TIFF with UTIF (the wasm backend's TIFF codec) and
 * turns its samples into PIL's pixels: gray (WhiteIsZero inverted; 1/2/4-bit scaled to 0..255;
 * 16-bit clipped at 255 as PIL's `I;16` -> `L`), gray+alpha, RGB(A) (16-bit: the high byte),
 * palette (the colour map's high bytes) and CMYK (PIL's formula). Other layouts go through
 * UTIF's own RGBA conversion.
 */
export function decodeTiff(bytes: Uint8Array, probe: ImageProbe, ctx: DecodeContext): RawImage {
  utif ??= createRequire(import.meta.url)('utif2') as Utif;
  const buffer = exactArrayBuffer(bytes);
  let ifd: Ifd;
  try {
    const ifds = utif.decode(buffer);
    if (ifds.length === 0) throw new Error('no image directory');
    ifd = ifds[0]!;
    utif.decodeImage(buffer, ifd);
  } catch (error) {
    throw imageError(ctx, `corrupt TIFF (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const { width, height } = probe;
  const data = ifd.data;
  const expected = Math.ceil((width * probe.bitDepth * (tag(ifd, 277)?.[0] ?? 1)) / 8) * height;
  if (!data || ifd.width !== width || ifd.height !== height || data.length < expected) {
    throw imageError(ctx, `truncated or corrupt TIFF: decoded ${data?.length ?? 0} of ${expected} bytes of samples`);
  }
  const photometric = tag(ifd, 262)?.[0];
  const spp = tag(ifd, 277)?.[0] ?? 1;
  const bits = probe.bitDepth;
  const planar = tag(ifd, 284)?.[0] ?? 1;
  const n = width * height;
  if (planar === 1 && (bits === 8 || bits === 16) && photometric !== 3 && photometric !== 6) {
    const step = bits / 8;
    const hi = step - 1; // UTIF leaves 16-bit samples little-endian: the high byte is second
    const samples = new Uint8Array(n * spp);
    for (let i = 0; i < n * spp; i++) {
      if (bits === 8) samples[i] = data[i]!;
      else {
        const v = data[i * 2]! | (data[i * 2 + 1]! << 8);
        // PIL: gray I;16 -> L clips, 16-bit colour keeps the high byte
        samples[i] = photometric === 0 || photometric === 1 ? Math.min(255, v) : data[i * step + hi]!;
      }
    }
    if (photometric === 0) for (let i = 0; i < samples.length; i += spp) samples[i] = 255 - samples[i]!;
    if (photometric === 5) {
      const cmyk = spp === 4 ? samples : pick(samples, n, spp, 4);
      return { width, height, channels: 3, data: cmykToRgb(cmyk, n) };
    }
    const keep = photometric === 2 ? (probe.channels === 4 ? 4 : 3) : probe.channels;
    return { width, height, channels: probe.channels, data: spp === keep ? samples : pick(samples, n, spp, keep) };
  }
  if (planar === 1 && photometric === 1 && bits < 8) {
    const out = new Uint8Array(n);
    const stride = Math.ceil((width * bits) / 8);
    const scale = 255 / ((1 << bits) - 1);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const byte = data[y * stride + Math.floor((x * bits) / 8)]!;
        out[y * width + x] = ((byte >> (8 - bits - ((x * bits) % 8))) & ((1 << bits) - 1)) * scale;
      }
    }
    return { width, height, channels: 1, data: out };
  }
  let rgba: Uint8Array;
  try {
    rgba = utif.toRGBA8(ifd);
  } catch (error) {
    throw imageError(ctx, `unsupported TIFF layout (${error instanceof Error ? error.message : String(error)})`, error);
  }
  return adaptChannels(rgba, 4, width, height, probe);
}

/** The first `keep` of every `spp` samples. */
function pick(samples: Uint8Array, n: number, spp: number, keep: number): Uint8Array {
  const out = new Uint8Array(n * keep);
  for (let p = 0; p < n; p++) for (let k = 0; k < keep; k++) out[p * keep + k] = samples[p * spp + k]!;
  return out;
}
