import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ArgumentTypeError, ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { DatasetFolder } from './dataset-folder';
import type { FoundClasses } from './find-classes';

let root: string;

async function write(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-dataset-folder-'));
  await write({ 'positive/1.txt': 'great', 'positive/deep/2.TXT': 'fine', 'negative/3.txt': 'bad', 'negative/skip.md': '#' });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const readText = (path: string) => readFile(path, 'utf8');

describe('DatasetFolder', () => {
  it('scans classes and samples on prepare and serves [loader(path), classIndex]', async () => {
    const texts = await new DatasetFolder(root, { loader: readText, extensions: ['.txt'] }).prepare();
    expect(texts.classes).toEqual(['negative', 'positive']);
    expect(texts.classToIdx).toEqual({ negative: 0, positive: 1 });
    expect(texts.samples).toEqual([
      [join(root, 'negative/3.txt'), 0],
      [join(root, 'positive/1.txt'), 1],
      [join(root, 'positive/deep/2.TXT'), 1],
    ]);
    expect(texts.targets).toEqual([0, 1, 1]);
    expect(texts.length).toBe(3);
    expect(texts.folder).toBe(root);
    expectTypeOf(texts.getItem).returns.toEqualTypeOf<[string, number] | Promise<[string, number]>>();
    const item = texts.getItem(1);
    expect(item).toBeInstanceOf(Promise);
    expect(await item).toEqual(['great', 1]);
    expect(await texts.getItem(-1)).toEqual(['fine', 1]);
  });

  it('returns items synchronously with a synchronous loader, and applies the transforms', async () => {
    const texts = await new DatasetFolder(root, {
      loader: (path) => readFileSync(path, 'utf8'),
      extensions: '.txt',
      transform: (text: string) => text.length,
      targetTransform: (label: number) => (label === 1 ? 'pos' : 'neg'),
    }).prepare();
    expect(texts.getItem(0)).toEqual([3, 'neg']);
  });

  it('prepares on the first getItem', async () => {
    const texts = new DatasetFolder(root, { loader: readText, isValidFile: (p) => p.endsWith('.md') || p.endsWith('1.txt') });
    expect(await texts.getItem(0)).toEqual(['#', 0]);
    expect(texts.samples.map((s) => s[0].slice(root.length + 1))).toEqual(['negative/skip.md', 'positive/1.txt']);
  });

  it("prints torchvision's repr", async () => {
    const texts = new DatasetFolder(root, { loader: readText, extensions: '.txt' });
    expect(String(texts)).toBe(
      `Dataset DatasetFolder\n    Number of datapoints: ? (not prepared)\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
    await texts.prepare();
    expect(String(texts)).toContain('Number of datapoints: 3');
  });

  it('lets a subclass choose the classes', async () => {
    class OnlyPositive extends DatasetFolder<string> {
      override async findClasses(): Promise<FoundClasses> {
        return { classes: ['positive'], classToIdx: { positive: 0 } };
      }
    }
    const texts = await new OnlyPositive(root, { loader: readText, extensions: '.txt' }).prepare();
    expect(texts.samples.map((s) => s[1])).toEqual([0, 0]);
    expect(String(texts)).toMatch(/^Dataset OnlyPositive\n/);
  });

  it('says to prepare first when classes are read too early', () => {
    const texts = new DatasetFolder(root, { loader: readText, extensions: '.txt' });
    expect(() => texts.classes).toThrow(new DatasetError('DatasetFolder: not prepared yet; call await dataset.prepare() first'));
  });

  it('rejects a root without class folders, a missing root, and an empty class folder', async () => {
    const flat = join(root, 'negative');
    await expect(new DatasetFolder(flat, { loader: readText, extensions: '.txt' }).prepare()).rejects.toThrow(
      new DatasetError(`Couldn't find any class folder in ${flat}.`),
    );
    const missing = join(root, 'missing');
    await expect(new DatasetFolder(missing, { loader: readText, extensions: '.txt' }).prepare()).rejects.toThrow(
      new DatasetError(`findClasses: cannot list the class folders of ${missing}: no such folder (ENOENT)`),
    );
    await mkdir(join(root, 'empty'));
    await expect(new DatasetFolder(root, { loader: readText, extensions: '.txt' }).prepare()).rejects.toThrow(
      new DatasetError(`Found no valid file for the classes empty in ${root}. Supported extensions are: .txt`),
    );
  });

  it('keeps empty class folders with allowEmpty', async () => {
    await mkdir(join(root, 'empty'));
    const texts = await new DatasetFolder(root, { loader: readText, extensions: '.txt', allowEmpty: true }).prepare();
    expect(texts.classes).toEqual(['empty', 'negative', 'positive']);
    expect(texts.targets).toEqual([1, 2, 2]);
  });

  it('rejects a missing loader and both extensions and isValidFile', async () => {
    expect(() => new DatasetFolder(root, { extensions: '.txt' } as never)).toThrow(
      new ArgumentTypeError('DatasetFolder: expected options.loader to be a function (path) => sample, got undefined'),
    );
    await expect(new DatasetFolder(root, { loader: readText, extensions: '.txt', isValidFile: () => true }).prepare()).rejects.toThrow(
      new ValueError('makeDataset: Both extensions and isValidFile cannot be undefined or defined at the same time'),
    );
  });
});
