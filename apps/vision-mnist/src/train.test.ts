import { getBackend } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { datasets, io } from '@dl/vision';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainMnist } from './train';
import { writeEmbeddedMnist } from './write-embedded-mnist';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'vision-mnist-')));
  return made[made.length - 1]!;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
// The pure-JavaScript cpu backend (DL_BACKEND=cpu) convolves about 15 times slower than wasm.
const timeout = getBackend() === 'cpu' ? 600_000 : 60_000;

describe('trainMnist', () => {
  it('learns real digits in one short epoch: test accuracy > 90%, a checkpoint and a PNG grid of the mistakes', { timeout }, async () => {
    const outDir = tmp();
    const cacheDir = tmp();
    const r = await trainMnist({ epochs: 1, trainSize: 4000, batchSize: 32, outDir, cacheDir, log: null, progress: null });
    expect(['native', 'wasm', 'cpu', 'tensorflow']).toContain(r.backend);
    expect(r.source).toBe('embedded');
    expect(r.sizes).toEqual({ train: 4000, val: 800, test: 2000 });
    expect(r.epochs).toBe(1);
    expect(r.history).toHaveLength(1);
    // Ten classes: a chance-level model scores about 10%; one epoch of this CNN scores 93-94%.
    expect(r.testAccuracy).toBeGreaterThan(0.9);
    expect(r.history[0]!.valAccuracy).toBeGreaterThan(0.9);
    expect(r.misclassified.length).toBe(Math.round((1 - r.testAccuracy) * 2000));
    for (const m of r.misclassified) expect(m.label).not.toBe(m.predicted);

    expect(existsSync(join(cacheDir, 'MNIST', 'raw', 't10k-images-idx3-ubyte'))).toBe(true);
    expect(basename(r.checkpoint)).toMatch(/^best_model_1_val_accuracy=0\.9\d{3}\.pt$/);
    expect(readdirSync(outDir).sort()).toEqual([basename(r.checkpoint), 'misclassified.png'].sort());

    // 64 digits (8 x 8) of 28 pixels with 2-pixel padding: 8 * 30 + 2 = 242; gray repeated to RGB.
    expect(r.gridCount).toBe(Math.min(64, r.misclassified.length));
    const rows = Math.ceil(r.gridCount / 8);
    const cols = Math.min(8, r.gridCount);
    const png = await io.readImage(r.gridPath!);
    expect(png.shape).toEqual([3, rows * 30 + 2, cols * 30 + 2]);
    const [, height, width] = png.shape as [number, number, number];
    const values = png.dataSync();
    expect(values[0]).toBe(128); // the padding
    // The first tile is the first misclassified test digit, in each of the three channels.
    const test = await new datasets.MNIST(cacheDir, { train: false }).prepare();
    const digit = test.data.dataSync().subarray(r.misclassified[0]!.index * 784, (r.misclassified[0]!.index + 1) * 784);
    for (let c = 0; c < 3; c++) {
      const tile: number[] = [];
      for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) tile.push(values[c * height * width + (2 + y) * width + 2 + x]!);
      expect(tile).toEqual(Array.from(digit));
    }
  });

  it('reads a downloaded MNIST from dataDir (the --data flag) through the same path', { timeout }, async () => {
    const dataDir = tmp();
    writeEmbeddedMnist(dataDir, { testSize: 1000 });
    const r = await trainMnist({ dataDir, epochs: 1, trainSize: 500, outDir: tmp(), log: null, progress: null });
    expect(r.source).toBe(dataDir);
    expect(r.sizes).toEqual({ train: 500, val: 900, test: 1000 });
    await expect(trainMnist({ dataDir: tmp(), epochs: 1, outDir: tmp(), log: null, progress: null })).rejects.toThrow(DatasetError);
  });

  it('loads batches in DataLoader worker threads with workers (the --workers flag)', { timeout }, async () => {
    const dataDir = tmp();
    writeEmbeddedMnist(dataDir, { testSize: 1000 });
    const r = await trainMnist({ dataDir, workers: 2, epochs: 1, trainSize: 500, outDir: tmp(), log: null, progress: null });
    expect(r.sizes).toEqual({ train: 500, val: 900, test: 1000 });
    expect(r.testAccuracy).toBeGreaterThan(0.3);
  });
});
