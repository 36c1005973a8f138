import { checkImageSize, type DecodeContext, imageError } from './decode-context';
import { u16le } from './image-probe';
import { buildPalette, expandPalette } from './palette';
import type { RawImage } from './raw-image';

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
  interlaced: boolean;
  palette: Uint8Array | null;
  /** The LZW minimum code size byte's position. */
  dataAt: number;
}

/**
 * @internal Decodes the first frame of a GIF as PIL 9.4 does: a canvas of the logical screen
 * (grown to fit the frame), filled with the transparent index when there is one, else index 0;
 * the frame's local palette, else the global one; a palette that is the identity gray ramp makes
 * mode `L`. Returns `L` (1 channel, a transparent index as a colour key), `RGB`, or `RGBA` when the
 * frame has a transparent index. A frame whose code stream ends early keeps the background
 * there, as PIL does; a file that ends inside the frame's data is truncated.
 */
export function decodeGifRaw(b: Uint8Array, ctx: DecodeContext): RawImage {
  if (b.length < 13) throw imageError(ctx, `truncated GIF: ${b.length} bytes, less than the 13-byte header`);
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  const flags = b[10]!;
  let at = 13;
  let globalPalette: Uint8Array | null = null;
  if (flags & 0x80) {
    const size = 3 << ((flags & 7) + 1);
    if (at + size > b.length) throw imageError(ctx, 'truncated GIF: the file ends inside the global colour table');
    if (paletteNeeded(b, at, size)) globalPalette = buildPalette(b, at, size / 3, 3, 'rgb');
    at += size;
  }
  let transparent: number | null = null;
  let frame: Frame | null = null;
  while (frame === null) {
    if (at >= b.length) throw imageError(ctx, 'truncated GIF: the file ends before the first image');
    const block = b[at++]!;
    if (block === 0x3b) throw imageError(ctx, 'corrupt GIF: no image before the trailer');
    if (block === 0x21) {
      const label = b[at++];
      if (label === 0xf9 && at + 4 < b.length && b[at]! >= 4 && (b[at + 1]! & 1)) transparent = b[at + 4]!;
      at = skipSubBlocks(b, at, ctx);
    } else if (block === 0x2c) {
      if (at + 9 > b.length) throw imageError(ctx, 'truncated GIF: the file ends inside the image descriptor');
      const f = b[at + 8]!;
      frame = { x: u16le(b, at), y: u16le(b, at + 2), w: u16le(b, at + 4), h: u16le(b, at + 6), interlaced: (f & 0x40) !== 0, palette: globalPalette, dataAt: 0 };
      at += 9;
      if (f & 0x80) {
        const size = 3 << ((f & 7) + 1);
        if (at + size > b.length) throw imageError(ctx, 'truncated GIF: the file ends inside the local colour table');
        frame.palette = paletteNeeded(b, at, size) ? buildPalette(b, at, size / 3, 3, 'rgb') : null;
        at += size;
      }
      frame.dataAt = at;
    }
    // Any other byte is skipped, as PIL does.
  }
  width = Math.max(width, frame.x + frame.w);
  height = Math.max(height, frame.y + frame.h);
  checkImageSize(ctx, 'GIF', width, height);
  const canvas = new Uint8Array(width * height);
  if (transparent !== null) canvas.fill(transparent);
  decodeFrame(b, frame, canvas, width, ctx);
  if (frame.palette === null) return { width, height, channels: transparent === null ? 1 : 2, data: transparent === null ? canvas : withKey(canvas, transparent), colorKey: transparent !== null };
  const data = expandPalette(canvas, frame.palette, transparent);
  return { width, height, channels: transparent === null ? 3 : 4, data };
}

/** PIL keeps a palette only when it is not the identity gray ramp (i -> (i, i, i)). */
function paletteNeeded(b: Uint8Array, at: number, size: number): boolean {
  for (let i = 0; i < size; i += 3) {
    const v = i / 3;
    if (b[at + i] !== v || b[at + i + 1] !== v || b[at + i + 2] !== v) return true;
  }
  return false;
}

function withKey(gray: Uint8Array, key: number): Uint8Array {
  const out = new Uint8Array(gray.length * 2);
  for (let p = 0; p < gray.length; p++) {
    out[p * 2] = gray[p]!;
    out[p * 2 + 1] = gray[p] === key ? 0 : 255;
  }
  return out;
}

function skipSubBlocks(b: Uint8Array, at: number, ctx: DecodeContext): number {
  for (;;) {
    if (at >= b.length) throw imageError(ctx, 'truncated GIF: the file ends inside a data block');
    const len = b[at]!;
    at += 1 + len;
    if (len === 0) return at;
  }
}

/** The frame's LZW data, its sub-blocks joined. */
function frameData(b: Uint8Array, at: number, ctx: DecodeContext): Uint8Array {
  const end = skipSubBlocks(b, at, ctx);
  const out = new Uint8Array(end - at);
  let n = 0;
  for (let p = at; b[p] !== 0; p += 1 + b[p]!) {
    out.set(b.subarray(p + 1, p + 1 + b[p]!), n);
    n += b[p]!;
  }
  return out.subarray(0, n);
}

/** Row `i` of the code stream: its row in an interlaced frame (passes of rows 0+8k, 4+8k, 2+4k, 1+2k). */
function interlacedRow(i: number, h: number): number {
  const p1 = Math.ceil(h / 8);
  if (i < p1) return i * 8;
  const p2 = Math.ceil((h - 4) / 8);
  if (i < p1 + p2) return (i - p1) * 8 + 4;
  const p3 = Math.ceil((h - 2) / 4);
  if (i < p1 + p2 + p3) return (i - p1 - p2) * 4 + 2;
  return (i - p1 - p2 - p3) * 2 + 1;
}

function decodeFrame(b: Uint8Array, f: Frame, canvas: Uint8Array, stride: number, ctx: DecodeContext): void {
  if (f.dataAt >= b.length) throw imageError(ctx, 'truncated GIF: the file ends before the image data');
  const minSize = b[f.dataAt]!;
  if (minSize < 1 || minSize > 11) throw imageError(ctx, `corrupt GIF: LZW minimum code size ${minSize} (expected 1..11)`);
  const data = frameData(b, f.dataAt + 1, ctx);
  const total = f.w * f.h;
  if (total === 0) return;
  const clear = 1 << minSize;
  const eoi = clear + 1;
  const prefix = new Uint16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < clear; i++) {
    suffix[i] = first[i] = i;
    length[i] = 1;
  }
  const stream = new Uint8Array(4096);
  let size = minSize + 1;
  let next = eoi + 1;
  let prev = -1;
  let bitPos = 0;
  const bits = data.length * 8;
  let written = 0;
  // Pixels go straight to the canvas: `written` counts them in stream order.
  const put = (code: number) => {
    const len = length[code]!;
    let c = code;
    for (let k = len - 1; k >= 0; k--) {
      stream[k] = suffix[c]!;
      c = prefix[c]!;
    }
    for (let k = 0; k < len && written < total; k++, written++) {
      const row = Math.floor(written / f.w);
      const col = written - row * f.w;
      const y = f.y + (f.interlaced ? interlacedRow(row, f.h) : row);
      canvas[y * stride + f.x + col] = stream[k]!;
    }
  };
  while (written < total && bitPos + size <= bits) {
    let code = 0;
    for (let k = 0; k < size; k++, bitPos++) code |= ((data[bitPos >> 3]! >> (bitPos & 7)) & 1) << k;
    if (code === clear) {
      size = minSize + 1;
      next = eoi + 1;
      prev = -1;
      continue;
    }
    if (code === eoi) break;
    if (prev === -1) {
      if (code >= clear) throw imageError(ctx, `corrupt GIF: LZW code ${code} right after a clear code`);
      put(code);
      prev = code;
      continue;
    }
    if (code > next || (code === next && next >= 4096)) throw imageError(ctx, `corrupt GIF: LZW code ${code} is not in the table (next free code ${next})`);
    const firstOfNew = code < next ? first[code]! : first[prev]!;
    if (next < 4096) {
      prefix[next] = prev;
      suffix[next] = firstOfNew;
      first[next] = first[prev]!;
      length[next] = length[prev]! + 1;
      next++;
      if (next === 1 << size && size < 12) size++;
    }
    put(code);
    prev = code;
  }
}
