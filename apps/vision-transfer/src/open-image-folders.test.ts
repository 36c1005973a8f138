import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Tensor, ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { Image, io, transforms } from '@dl/vision';
import { afterAll, describe, expect, it } from 'vitest';
import { openImageFolders } from './open-image-folders';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'vision-transfer-folders-')));
  return made[made.length - 1]!;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function writeImages(dir: string, counts: Record<string, number>): Promise<void> {
  for (const [name, n] of Object.entries(counts)) {
    mkdirSync(join(dir, name), { recursive: true });
    for (let i = 0; i < n; i++) await io.writePng(Image.new('RGB', [10, 8], [i * 20, 40, 90]), join(dir, name, `${i}.png`));
  }
}

const toTensor = () => new transforms.Compose<Image, Tensor>([new transforms.Resize(6), new transforms.CenterCrop(6), new transforms.ToTensor()]);
const options = () => ({ trainTransform: toTensor(), evalTransform: toTensor() });

describe('openImageFolders', () => {
  it('uses DIR/train and DIR/val when both are there', async () => {
    const dir = tmp();
    await writeImages(join(dir, 'train'), { cats: 3, dogs: 2 });
    await writeImages(join(dir, 'val'), { cats: 1, dogs: 1 });
    const d = await openImageFolders(dir, options());
    expect(d).toMatchObject({ classes: ['cats', 'dogs'], layout: 'folders' });
    expect([d.train.length, d.val.length]).toEqual([5, 2]);
    const [x, y] = await d.val.getItem(1);
    expect([x.shape, y]).toEqual([[3, 6, 6], 1]);
  });

  it('splits one ImageFolder by a seeded randomSplit otherwise, every file in exactly one part', async () => {
    const dir = tmp();
    await writeImages(dir, { a: 5, b: 5 });
    const d = await openImageFolders(dir, { ...options(), valFraction: 0.3, seed: 4 });
    expect(d).toMatchObject({ classes: ['a', 'b'], layout: 'split' });
    expect([d.train.length, d.val.length]).toEqual([7, 3]);
    const again = await openImageFolders(dir, { ...options(), valFraction: 0.3, seed: 4 });
    const indices = (s: unknown) => (s as { indices: number[] }).indices;
    expect(indices(again.val)).toEqual(indices(d.val));
    expect([...indices(d.train), ...indices(d.val)].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses train and val folders with different classes, and a folder without class folders', async () => {
    const dir = tmp();
    await writeImages(join(dir, 'train'), { cats: 1, dogs: 1 });
    await writeImages(join(dir, 'val'), { cats: 1, owls: 1 });
    const error = await openImageFolders(dir, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValueError);
    expect((error as Error).message).toBe(
      `openImageFolders: ${join(dir, 'train')} and ${join(dir, 'val')} should hold the same class folders, got [cats, dogs] and [cats, owls]`,
    );
    await expect(openImageFolders(tmp(), options())).rejects.toThrow(DatasetError);
  });
});
