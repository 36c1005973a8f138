import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Field } from '../data/fields/field';
import { SequenceTaggingDataset } from './sequence-tagging-dataset';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-tagging-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SequenceTaggingDataset', () => {
  it('reads sentences of your own, with a separator, filterPred and columns past the fields ignored', async () => {
    await writeFile(join(dir, 'train.txt'), 'I|PRON|x\nlove|VERB|x\n\nHi|INTJ|x\n');
    const WORD = new Field({ lower: true });
    const TAG = new Field({ unkToken: null });
    const [train] = await SequenceTaggingDataset.splits(
      [
        ['text', WORD],
        ['tags', TAG],
      ],
      { path: dir, train: 'train.txt', separator: '|', filterPred: (ex) => (ex.text as string[]).length > 1 },
    );
    expect(train).toBeInstanceOf(SequenceTaggingDataset);
    expect(train.examples.map((e) => ({ ...e }))).toEqual([{ text: ['i', 'love'], tags: ['PRON', 'VERB'] }]);
    expect(train.sortKey?.(train.getItem(0))).toBe(2);
    const one = await SequenceTaggingDataset.load(join(dir, 'train.txt'), [['text', WORD]], { separator: '|' });
    expect(one.length).toBe(2);
  });
});
