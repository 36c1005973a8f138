import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMG_EXTENSIONS } from './img-extensions';
import { makeDataset } from './make-dataset';

let base: string;
let root: string;

async function touch(...paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), '');
  }
}

// The tree torchvision 0.14's make_dataset was run on to get the expected order below.
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'dl-make-dataset-'));
  root = join(base, 'root');
  await touch('cat/z.PNG', 'cat/a.jpg', 'cat/b/1.png', 'cat/b c/2.png', 'cat/b/x/3.jpeg', 'cat/a/4.JPG', 'cat/readme.txt', 'dog/1.png');
  await mkdir(join(root, 'empty'));
  await mkdir(join(base, 'shared'));
  await writeFile(join(base, 'shared', 's.png'), '');
  await symlink(join(base, 'shared'), join(root, 'cat', 'link'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('makeDataset', () => {
  it("walks folders in path order, files sorted, links followed, extensions ignoring case (torchvision's order)", async () => {
    const samples = await makeDataset(root, { classToIdx: { cat: 0, dog: 1 }, extensions: IMG_EXTENSIONS });
    // torchvision 0.14: make_dataset(root, {'cat': 0, 'dog': 1}, extensions=IMG_EXTENSIONS)
    expect(samples).toEqual([
      [join(root, 'cat/a.jpg'), 0],
      [join(root, 'cat/z.PNG'), 0],
      [join(root, 'cat/a/4.JPG'), 0],
      [join(root, 'cat/b/1.png'), 0],
      [join(root, 'cat/b c/2.png'), 0],
      [join(root, 'cat/b/x/3.jpeg'), 0],
      [join(root, 'cat/link/s.png'), 0],
      [join(root, 'dog/1.png'), 1],
    ]);
  });

  it('finds the classes itself when classToIdx is not given', async () => {
    await rm(join(root, 'empty'), { recursive: true });
    const samples = await makeDataset(root, { extensions: '.png' });
    expect(samples.map(([p, c]) => [p.slice(root.length + 1), c])).toEqual([
      ['cat/z.PNG', 0],
      ['cat/b/1.png', 0],
      ['cat/b c/2.png', 0],
      ['cat/link/s.png', 0],
      ['dog/1.png', 1],
    ]);
  });

  it('keeps files by isValidFile, given the path', async () => {
    const seen: string[] = [];
    const samples = await makeDataset(root, {
      classToIdx: { dog: 5 },
      isValidFile: (path) => (seen.push(path), path.endsWith('.png')),
    });
    expect(samples).toEqual([[join(root, 'dog/1.png'), 5]]);
    expect(seen).toEqual([join(root, 'dog/1.png')]);
  });

  it('ends a symlink cycle instead of walking it until the path is too long', async () => {
    await symlink('..', join(root, 'cat', 'b', 'x', 'up'));
    const samples = await makeDataset(root, { classToIdx: { cat: 0 }, extensions: '.jpeg' });
    expect(samples).toEqual([[join(root, 'cat/b/x/3.jpeg'), 0]]);
  });

  it("names the classes without a valid file, with torchvision's message and the folder", async () => {
    await expect(makeDataset(root, { classToIdx: { cat: 0, dog: 1, empty: 2, gone: 3 }, extensions: IMG_EXTENSIONS })).rejects.toThrow(
      new DatasetError(
        `Found no valid file for the classes empty, gone in ${root}. Supported extensions are: .jpg, .jpeg, .png, .ppm, .bmp, .pgm, .tif, .tiff, .webp`,
      ),
    );
    await expect(makeDataset(root, { classToIdx: { cat: 0, empty: 2 }, extensions: '.png' })).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes empty in ${root}. Supported extensions are: .png`),
    );
    await expect(makeDataset(root, { classToIdx: { cat: 0, empty: 2 }, isValidFile: () => true })).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes empty in ${root}. `),
    );
  });

  it('names a folder that holds files but no valid one', async () => {
    await touch('docs/a.txt', 'docs/b.csv');
    await expect(makeDataset(root, { classToIdx: { docs: 0 }, extensions: IMG_EXTENSIONS })).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes docs in ${root}. Supported extensions are: ${IMG_EXTENSIONS.join(', ')}`),
    );
  });

  it('accepts empty classes with allowEmpty', async () => {
    const samples = await makeDataset(root, { classToIdx: { dog: 0, empty: 1 }, extensions: IMG_EXTENSIONS, allowEmpty: true });
    expect(samples).toEqual([[join(root, 'dog/1.png'), 0]]);
  });

  it('rejects an empty classToIdx, and both or neither of extensions and isValidFile', async () => {
    await expect(makeDataset(root, { classToIdx: {}, extensions: '.png' })).rejects.toThrow(
      new ValueError("makeDataset: 'classToIdx' must have at least one entry to collect any samples."),
    );
    const both = 'makeDataset: Both extensions and isValidFile cannot be undefined or defined at the same time';
    await expect(makeDataset(root, { classToIdx: { cat: 0 } })).rejects.toThrow(new ValueError(both));
    await expect(makeDataset(root, { classToIdx: { cat: 0 }, extensions: '.png', isValidFile: () => true })).rejects.toThrow(new ValueError(both));
  });
});
