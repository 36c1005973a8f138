import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';
import type { RawImage } from './raw-image';

const COLOR_TYPES = [0, 0, 4, 2, 6];
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Filters every row: none at level 0, else libpng's adaptive choice (per row, the filter whose
 * output has the smallest sum of absolute values read as signed bytes).
 */
function filterRows(raw: RawImage, adaptive: boolean): Uint8Array {
  const bpp = raw.channels;
  const stride = raw.width * bpp;
  const out = new Uint8Array(raw.height * (stride + 1));
  const candidate = new Uint8Array(stride);
  const best = new Uint8Array(stride);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < raw.height; y++) {
    const row = raw.data.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? raw.data.subarray((y - 1) * stride, y * stride) : zero;
    const at = y * (stride + 1);
    if (!adaptive) {
      out.set(row, at + 1);
      continue;
    }
    let bestType = 0;
    let bestSum = Number.POSITIVE_INFINITY;
    for (let type = 0; type < 5; type++) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? row[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        const pred = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[i]! - pred) & 0xff;
        candidate[i] = v;
        sum += v < 128 ? v : 256 - v;
      }
      if (sum < bestSum) {
        bestSum = sum;
        bestType = type;
        best.set(candidate);
      }
    }
    out[at] = bestType;
    out.set(best, at + 1);
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * @internal An 8-bit PNG of gray, gray+alpha, RGB or RGBA pixels, deflated by zlib at
 * `level` (0..9), with libpng's adaptive row filters (none at level 0).
 */
export function encodePngBytes(raw: RawImage, level: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, raw.width);
  view.setUint32(4, raw.height);
  ihdr[8] = 8;
  ihdr[9] = COLOR_TYPES[raw.channels]!;
  const idat = deflateSync(filterRows(raw, level > 0), { level });
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
