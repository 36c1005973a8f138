import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { readIMDBReviews } from './imdb-reviews';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-text-readers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readIMDBReviews', () => {
  it('reads the first line of pos/ then neg/ reviews in id order, skipping the rest of the folder', async () => {
    for (const sub of ['pos', 'neg', 'unsup']) await mkdir(join(dir, sub));
    await writeFile(join(dir, 'pos', '10_8.txt'), 'ten');
    await writeFile(join(dir, 'pos', '2_9.txt'), 'two\r\nnot read');
    await writeFile(join(dir, 'neg', '0_1.txt'), 'zero');
    await writeFile(join(dir, 'unsup', '0_0.txt'), 'unlabeled');
    await writeFile(join(dir, 'urls_pos.txt'), 'http://x');
    expect(await readIMDBReviews(dir)).toEqual([
      { text: 'two', label: 'pos' },
      { text: 'ten', label: 'pos' },
      { text: 'zero', label: 'neg' },
    ]);
  });

  it('throws DatasetMissingFileError without neg/ and DatasetEmptyFileError without reviews', async () => {
    await mkdir(join(dir, 'pos'));
    await expect(readIMDBReviews(dir, 'IMDB')).rejects.toThrow(DatasetMissingFileError);
    await expect(readIMDBReviews(dir, 'IMDB')).rejects.toThrow(`IMDB: the review folder ${join(dir, 'neg')} does not exist`);
    await mkdir(join(dir, 'neg'));
    await expect(readIMDBReviews(dir, 'IMDB')).rejects.toThrow(DatasetEmptyFileError);
    await expect(readIMDBReviews(dir, 'IMDB')).rejects.toThrow(`IMDB: ${dir} is empty; expected reviews in pos/*.txt and neg/*.txt`);
  });
});
