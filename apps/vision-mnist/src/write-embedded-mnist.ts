import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIGIT_PIXELS, type DigitSet, splitEmbeddedDigits } from './embedded-digits';
import { encodeIdx } from './encode-idx';

/** What {@link writeEmbeddedMnist} did. */
export interface EmbeddedMnist {
  /** The root to give `new datasets.MNIST(root, ...)`. */
  root: string;
  /** The folder holding the four IDX files (`root/MNIST/raw`). */
  rawFolder: string;
  /** Digits in the training files. */
  trainCount: number;
  /** Digits in the test (`t10k`) files. */
  testCount: number;
  /** Whether the files were written now (false: they were there already). */
  written: boolean;
}

const files = (split: 'train' | 't10k') => ({ images: `${split}-images-idx3-ubyte`, labels: `${split}-labels-idx1-ubyte` });

// Header sizes: 4 bytes of magic number plus 4 per dimension (3 for images, 1 for labels).
const imagesBytes = (count: number) => 16 + count * DIGIT_PIXELS;
const labelsBytes = (count: number) => 8 + count;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

// A temporary name then a rename: a concurrent or killed run never leaves a partial file under
// the final name.
function writeAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function writeSplit(folder: string, split: 'train' | 't10k', set: DigitSet): void {
  const { images, labels } = files(split);
  writeAtomic(join(folder, images), encodeIdx(set.images, [set.count, 28, 28]));
  writeAtomic(join(folder, labels), encodeIdx(set.labels, [set.count]));
}

/**
 * Writes the `mnist` package's 10,000 real digits in torchvision's raw MNIST layout, so that
 * `new datasets.MNIST(root, { train })` of @dl/vision reads them like a downloaded MNIST:
 * `root/MNIST/raw/train-images-idx3-ubyte` and `train-labels-idx1-ubyte` hold the first
 * `10000 - testSize` digits, the `t10k-*` files the held-out `testSize`. Files already there with
 * the right sizes are kept (the content is a fixed function of the package), so this writes once.
 *
 * @param root the dataset root (created if missing).
 * @param options.testSize digits held out in the `t10k` files. @default 2000
 * @example
 * ```ts
 * const { root } = writeEmbeddedMnist('.data');
 * const test = await new datasets.MNIST(root, { train: false }).prepare();
 * test.length; // 2000
 * ```
 */
export function writeEmbeddedMnist(root: string, options: { testSize?: number } = {}): EmbeddedMnist {
  const testSize = options.testSize ?? 2000;
  const trainCount = 10000 - testSize;
  const rawFolder = join(root, 'MNIST', 'raw');
  const present = (split: 'train' | 't10k', count: number) =>
    sizeOf(join(rawFolder, files(split).images)) === imagesBytes(count) && sizeOf(join(rawFolder, files(split).labels)) === labelsBytes(count);
  if (present('train', trainCount) && present('t10k', testSize)) return { root, rawFolder, trainCount, testCount: testSize, written: false };
  const { train, test } = splitEmbeddedDigits(testSize);
  mkdirSync(rawFolder, { recursive: true });
  writeSplit(rawFolder, 'train', train);
  writeSplit(rawFolder, 't10k', test);
  return { root, rawFolder, trainCount: train.count, testCount: test.count, written: true };
}
