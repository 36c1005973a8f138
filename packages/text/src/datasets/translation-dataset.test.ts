import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Field } from '../data/fields/field';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { TranslationDataset } from './translation-dataset';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-translation-'));
  await writeFile(join(dir, 'train.de'), 'Guten Tag\n\nDanke\n');
  await writeFile(join(dir, 'train.en'), 'Good day\nskipped: the German side is empty\nThanks\n');
  await writeFile(join(dir, 'val.de'), 'Hallo\n');
  await writeFile(join(dir, 'val.en'), 'Hello\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('TranslationDataset', () => {
  it('reads a corpus of your own from path with the default prefixes train, val and test', async () => {
    const DE = new Field();
    const EN = new Field();
    const [train, val] = await TranslationDataset.splits(['.de', '.en'], [DE, EN], { path: dir, test: null });
    expect(train).toBeInstanceOf(TranslationDataset);
    expect(train.examples.map((e) => [e.src, e.trg])).toEqual([
      [
        ['Guten', 'Tag'],
        ['Good', 'day'],
      ],
      [['Danke'], ['Thanks']],
    ]);
    expect(val.getItem(0)).toMatchObject({ src: ['Hallo'], trg: ['Hello'] });
    expect(TranslationDataset.splitFiles).toEqual({ train: 'train', validation: 'val', test: 'test' });
  });

  it('loads one split with load, filterPred and named fields', async () => {
    const ds = await TranslationDataset.load(
      join(dir, 'train'),
      ['.en', '.de'],
      [
        ['english', new Field()],
        ['german', new Field()],
      ],
      { filterPred: (ex) => (ex.english as string[]).length > 1 },
    );
    expect(ds.examples.map((e) => e.german)).toEqual([['Guten', 'Tag']]);
    expect(Object.keys(ds.fields)).toEqual(['english', 'german']);
  });

  it('throws DatasetFormatError when the two sides differ in length', async () => {
    await writeFile(join(dir, 'val.en'), 'Hello\nWorld\n');
    await expect(TranslationDataset.splits(['.de', '.en'], [new Field(), new Field()], { path: dir, train: null, test: null })).rejects.toThrow(DatasetFormatError);
  });
});
