import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';
import { getImageBackend, setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { ImageError } from '../errors/image-error';
import { fixPngCrcs, fixtureBytes } from '../../test/io/io-fixtures';
import { rng as prng } from '../../test/support/seeded-rng';

const SEEDS: Record<string, string[]> = {
  png: ['png_rgb8.png', 'png_pal8_trns.png', 'png_gray4_interlaced.png', 'png_rgba16.png', 'png_graya8.png', 'png_gray1.png'],
  jpeg: ['jpeg_420.jpg', 'jpeg_progressive.jpg', 'jpeg_gray.jpg', 'jpeg_64x48_q75.jpg', 'jpeg_444.jpg', 'jpeg_cmyk.jpg'],
  bmp: ['bmp_24.bmp', 'bmp_rle8.bmp', 'bmp_4.bmp', 'bmp_32_bitfields_alpha.bmp', 'bmp_1.bmp', 'bmp_16_565.bmp'],
};
const INTERESTING = [0, 1, 0x7f, 0x80, 0xfe, 0xff];

/** One mutation of `src`: bit flips, byte overwrites (often in the header), truncation, insertion, deletion, duplication. */
function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  let b = src.slice();
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const kind = int(7);
    const at = rand() < 0.5 ? int(Math.min(b.length, 64)) : int(b.length); // headers half the time
    if (kind === 0) b[at] ^= 1 << int(8);
    else if (kind === 1) b[at] = int(256);
    else if (kind === 2) b[at] = INTERESTING[int(INTERESTING.length)]!;
    else if (kind === 3) b = b.slice(0, int(b.length));
    else if (kind === 4) b = Uint8Array.from([...b.subarray(0, at), ...Array.from({ length: 1 + int(16) }, () => int(256)), ...b.subarray(at)]);
    else if (kind === 5) b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(Math.min(b.length, at + 1 + int(16)))]);
    else {
      const len = 1 + int(32);
      b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at, at + len), ...b.subarray(at)]);
    }
  }
  return b;
}

interface Tally {
  decoded: number;
  rejected: number;
  slowest: number;
}

/**
 * Decodes `count` mutations of each seed file; every call must resolve to a tensor no larger than
 * the limit, or reject with an ImageError naming the case, within `boundMs`.
 */
async function fuzz(format: string, count: number, seed: number, boundMs: number): Promise<Tally> {
  const rand = prng(seed);
  const sources = SEEDS[format]!.map(fixtureBytes);
  const tally: Tally = { decoded: 0, rejected: 0, slowest: 0 };
  const maxPixels = 1 << 20;
  for (let i = 0; i < count; i++) {
    let input = mutate(sources[i % sources.length]!, rand);
    if (format === 'png' && rand() < 0.5) input = fixPngCrcs(input);
    const source = `${format}-fuzz-${i}`;
    const start = performance.now();
    try {
      const t = await decodeImage(input, { source, maxPixels });
      expect(t.shape[1]! * t.shape[2]!).toBeLessThanOrEqual(maxPixels);
      tally.decoded++;
    } catch (error) {
      if (!(error instanceof ImageError) || !error.message.startsWith(`decodeImage: ${source}: `)) {
        throw new Error(`${source}: expected an ImageError, got ${String(error)} (input ${Buffer.from(input).toString('base64')})`);
      }
      tally.rejected++;
    }
    const ms = performance.now() - start;
    tally.slowest = Math.max(tally.slowest, ms);
    expect(ms, `${source} took ${ms.toFixed(0)} ms`).toBeLessThan(boundMs);
  }
  return tally;
}

// 9,000 mutated PNG, JPEG and BMP files on the default backend (sharp where it loads: under 1 ms
// a file, about 4 s on 2 cores), and 3,000 more on the wasm backend (about 2 s).
describe('decodeImage on mutated files (fuzz)', () => {
  it.each([
    ['png', 3000, 11],
    ['jpeg', 3000, 22],
    ['bmp', 3000, 33],
  ] as const)('%s: 3,000 mutations on the default backend resolve or reject with an ImageError', async (format, count, seed) => {
    const tally = await fuzz(format, count, seed, 2000);
    expect(tally.decoded + tally.rejected).toBe(count);
    console.log(`${format} on ${getImageBackend()}: ${tally.decoded} decoded, ${tally.rejected} rejected, slowest ${tally.slowest.toFixed(1)} ms`);
  });

  it.each([
    ['png', 1000, 44],
    ['jpeg', 1000, 55],
    ['bmp', 1000, 66],
  ] as const)('%s: 1,000 mutations on the wasm backend', async (format, count, seed) => {
    setImageBackend('wasm');
    try {
      const tally = await fuzz(format, count, seed, 2000);
      expect(tally.decoded + tally.rejected).toBe(count);
      console.log(`${format} on wasm: ${tally.decoded} decoded, ${tally.rejected} rejected, slowest ${tally.slowest.toFixed(1)} ms`);
    } finally {
      resetImageBackend();
    }
  });
});
