import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Field } from '../data/fields/field';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { LanguageModelingDataset } from './language-modeling-dataset';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-lm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LanguageModelingDataset', () => {
  it('reads a corpus of your own from path, in the encoding given', async () => {
    await writeFile(join(dir, 'train.txt'), 'the cat\r\nsat\n');
    await writeFile(join(dir, 'valid.txt'), Buffer.from('caf\xe9 ok\n', 'latin1'));
    const text = new Field({ lower: true });
    const [train, val] = await LanguageModelingDataset.splits(text, { path: dir, train: 'train.txt', validation: 'valid.txt' });
    expect(val.getItem(0).text).toEqual(['caf\ufffd', 'ok', '<eos>']);
    expect(train).toBeInstanceOf(LanguageModelingDataset);
    expect(train.getItem(0).text).toEqual(['the', 'cat', '<eos>', 'sat', '<eos>']);
    expect(train.fields).toEqual({ text });
    const latin = await LanguageModelingDataset.load(join(dir, 'valid.txt'), text, { encoding: 'latin1', newlineEos: false });
    expect(latin.getItem(0).text).toEqual(['café', 'ok']);
  });

  it('throws typed errors for an empty file, a missing file, no split and a non-sequential field', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    await expect(LanguageModelingDataset.load(empty, new Field())).rejects.toThrow(DatasetEmptyFileError);
    await expect(LanguageModelingDataset.load(empty, new Field())).rejects.toThrow(`LanguageModelingDataset: ${empty} is empty; expected text, one line after another`);
    await expect(LanguageModelingDataset.splits(new Field(), { path: dir, train: 'none.txt' })).rejects.toThrow(DatasetMissingFileError);
    await expect(LanguageModelingDataset.splits(new Field(), { path: dir })).rejects.toThrow(ValueError);
    await expect(LanguageModelingDataset.splits(new Field(), { path: dir })).rejects.toThrow('LanguageModelingDataset.splits: every split is null; give at least one of train, validation, test');
    await writeFile(empty, 'a b\n');
    await expect(LanguageModelingDataset.load(empty, new Field({ sequential: false }))).rejects.toThrow(
      'LanguageModelingDataset.load: the text field must tokenize each line into a list (a sequential Field), got string',
    );
  });
});
