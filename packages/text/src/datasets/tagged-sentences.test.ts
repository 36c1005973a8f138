import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { readTaggedSentences } from './tagged-sentences';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-tagged-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTaggedSentences', () => {
  it('reads tab-separated columns, one sentence per blank-line block', async () => {
    const file = join(dir, 'en-ud-tag.v2.dev.txt');
    await writeFile(file, 'From\tADP\tIN\nthe\tDET\tDT\n\n\nWhat\tPRON\tWP\n?\tPUNCT\t.\n');
    expect(await readTaggedSentences(file)).toEqual([
      [
        ['From', 'the'],
        ['ADP', 'DET'],
        ['IN', 'DT'],
      ],
      [
        ['What', '?'],
        ['PRON', 'PUNCT'],
        ['WP', '.'],
      ],
    ]);
  });

  it('splits on the separator given and trims lines', async () => {
    const file = join(dir, 'train.txt');
    await writeFile(file, 'Confidence NN B-NP  \r\nin IN B-PP\r\n\r\n');
    expect(await readTaggedSentences(file, { separator: ' ' })).toEqual([
      [
        ['Confidence', 'in'],
        ['NN', 'IN'],
        ['B-NP', 'B-PP'],
      ],
    ]);
  });

  it('throws DatasetFormatError naming file and line for a ragged line', async () => {
    const file = join(dir, 'train.txt');
    await writeFile(file, 'a NN B-NP\nb IN\n');
    const read = () => readTaggedSentences(file, { separator: ' ', owner: 'CoNLL2000Chunking' });
    await expect(read()).rejects.toThrow(DatasetFormatError);
    await expect(read()).rejects.toThrow(
      `CoNLL2000Chunking: ${file} line 2: expected 3 columns separated by " " (as line 1, where the sentence starts), got 2 in "b IN"`,
    );
  });

  it('throws DatasetEmptyFileError for a file of blank lines', async () => {
    const file = join(dir, 'test.txt');
    await writeFile(file, '\n\n');
    await expect(readTaggedSentences(file)).rejects.toThrow(DatasetEmptyFileError);
    await expect(readTaggedSentences(file)).rejects.toThrow(`readTaggedSentences: ${file} is empty; expected sentences of "\\t"-separated columns`);
  });
});
