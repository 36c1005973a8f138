import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** One image fixture: what Pillow 9.4 (and torchvision 0.14 for PNG/JPEG) decodes it to. */
export interface IoFixture {
  note: string;
  format: string;
  pilMode: string;
  width: number;
  height: number;
  /** `Image.open(f).convert(mode)` pixels, HWC, base64. */
  convert: Record<'L' | 'LA' | 'RGB' | 'RGBA', string>;
  torchvision?: Record<string, { shape?: number[]; data?: string; error?: string; unstable?: boolean }>;
}

export const IO_DIR = fileURLToPath(new URL('../fixtures/io/', import.meta.url));

export const ioFixtures: Record<string, IoFixture> = JSON.parse(readFileSync(`${IO_DIR}io_expected.json`, 'utf8')).files;

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(IO_DIR + name));
}

/** Base64 pixels as bytes. */
export function pixels(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** Largest absolute difference and how many values differ. */
export function diff(a: ArrayLike<number>, b: ArrayLike<number>): { max: number; count: number } {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let max = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 0) count++;
    if (d > max) max = d;
  }
  return { max, count };
}

/** The fixtures of one format (`jpeg`, `png`, `gif`, `bmp`, `tiff`, `webp`), by the file-name prefix. */
export function fixturesOf(prefix: string): [string, IoFixture][] {
  return Object.entries(ioFixtures).filter(([name]) => name.startsWith(`${prefix}_`));
}

/** HWC bytes of a `[C, H, W]` int32 tensor's values. */
export function chwToHwc(values: ArrayLike<number>, shape: readonly number[]): Uint8Array {
  const [c, h, w] = shape as [number, number, number];
  const out = new Uint8Array(c * h * w);
  for (let k = 0; k < c; k++) for (let i = 0; i < h * w; i++) out[i * c + k] = values[k * h * w + i]!;
  return out;
}

/** Whether sharp loads here (its tests are skipped, with a message, when it does not). */
export function sharpLoads(): boolean {
  try {
    createRequire(import.meta.url)('sharp');
    return true;
  } catch {
    return false;
  }
}

/** The bytes with the CRC of every whole PNG chunk recomputed (for crafted headers that should pass the checksum). */
export function fixPngCrcs(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 8; at + 12 <= b.length; ) {
    const len = view.getUint32(at);
    if (at + 12 + len > b.length) break;
    let c = 0xffffffff;
    for (let i = at + 4; i < at + 8 + len; i++) {
      c ^= b[i]!;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    view.setUint32(at + 8 + len, (c ^ 0xffffffff) >>> 0);
    at += 12 + len;
  }
  return b;
}
