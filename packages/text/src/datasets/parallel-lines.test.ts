import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { readParallelLines } from './parallel-lines';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-text-readers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readParallelLines', () => {
  it('pairs trimmed lines and drops pairs with an empty side', async () => {
    await writeFile(join(dir, 'val.de'), ' Hallo \n\nWelt\n');
    await writeFile(join(dir, 'val.en'), 'Hello\nskipped\n world\n');
    expect(await readParallelLines(join(dir, 'val.de'), join(dir, 'val.en'))).toEqual([
      ['Hallo', 'Hello'],
      ['Welt', 'world'],
    ]);
  });

  it('throws DatasetFormatError when the files differ in length', async () => {
    const de = join(dir, 'train.de');
    const en = join(dir, 'train.en');
    await writeFile(de, 'a\nb\nc\n');
    await writeFile(en, 'a\nb\n');
    await expect(readParallelLines(de, en, 'Multi30k')).rejects.toThrow(DatasetFormatError);
    await expect(readParallelLines(de, en, 'Multi30k')).rejects.toThrow(
      `Multi30k: ${de} and ${en} must have one line per sentence pair, but ${en} ends after 2 lines and ${de} goes on`,
    );
  });

  it('throws DatasetEmptyFileError for empty files and DatasetMissingFileError for a missing one', async () => {
    const de = join(dir, 'train.de');
    const en = join(dir, 'train.en');
    await writeFile(de, '\n');
    await writeFile(en, '\n');
    await expect(readParallelLines(de, en, 'Multi30k')).rejects.toThrow(DatasetEmptyFileError);
    await expect(readParallelLines(de, en, 'Multi30k')).rejects.toThrow(`Multi30k: ${de} and ${en} are empty; expected sentence pairs, one a line`);
    const missing = join(dir, 'missing.en');
    await expect(readParallelLines(de, missing, 'Multi30k')).rejects.toThrow(DatasetMissingFileError);
    await expect(readParallelLines(de, missing, 'Multi30k')).rejects.toThrow(`Multi30k: the target file ${missing} does not exist`);
  });
});
