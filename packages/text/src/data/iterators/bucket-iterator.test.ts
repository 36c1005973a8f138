import { manualSeed, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import type { Batch } from './batch';
import { BucketIterator } from './bucket-iterator';
import { Iterator } from './iterator';
import { lengthsDataset, textLength } from './iterator-fixtures';

const summary = (b: Batch) => ({ ids: (b.id as Tensor).tolist(), text_shape: (b.text as Tensor).shape });

/** Padding tokens of an epoch: each batch's `[seq, batch]` size minus its real tokens. */
function paddingOf(it: Iterator, lens: readonly number[]): { padding: number; tokens: number } {
  let padding = 0;
  let tokens = 0;
  for (const b of it) {
    const ids = (b.id as Tensor).tolist() as number[];
    const [seq, size] = (b.text as Tensor).shape as [number, number];
    const real = ids.reduce((s, i) => s + lens[i]!, 0);
    padding += seq * size - real;
    tokens += real;
    b.dispose();
  }
  return { padding, tokens };
}

describe('BucketIterator', () => {
  it('buckets as torchtext without shuffling', async () => {
    const it = new BucketIterator(await lengthsDataset(), { batchSize: 5, shuffle: false, sortKey: textLength, sortWithinBatch: true });
    expect([...it].map(summary)).toEqual(classic.iterators.bucket_noshuffle.batches);
  });

  it('buckets by a batchSizeFn as torchtext', async () => {
    const it = new BucketIterator(await lengthsDataset(), {
      batchSize: 12,
      shuffle: false,
      sortKey: textLength,
      sortWithinBatch: true,
      batchSizeFn: (ex, count, sofar) => (count > 1 ? Math.max(sofar, textLength(ex)) : textLength(ex)),
    });
    expect([...it].map(summary)).toEqual(classic.iterators.bucket_fn.batches);
  });

  it('batches sorted examples for evaluation', async () => {
    const it = new BucketIterator(await lengthsDataset(), { batchSize: 5, train: false, sortKey: textLength });
    expect([...it].map(summary)).toEqual(classic.iterators.sorted_eval.batches);
  });

  it('shuffles the batches of each pool, repeatably after manualSeed', async () => {
    const ds = await lengthsDataset();
    const epoch = () => {
      manualSeed(11);
      return [...new BucketIterator(ds, { batchSize: 3, sortKey: textLength, sortWithinBatch: true })].map((b) => (b.id as Tensor).tolist() as number[]);
    };
    const a = epoch();
    expect(a).toEqual(epoch());
    expect(a.flat().sort((p, q) => p - q)).toEqual([...Array(12).keys()]);
    // Within a batch, examples are sorted longest first.
    for (const ids of a) {
      const lens = ids.map((i) => [5, 1, 9, 3, 3, 7, 2, 8, 4, 6, 1, 2][i]!);
      expect(lens).toEqual([...lens].sort((p, q) => q - p));
    }
  });

  it('saves most of the padding a plain shuffled Iterator needs', async () => {
    // 3,000 examples of 1 to 60 tokens, lengths from a fixed LCG.
    let s = 12_345;
    const lens = Array.from({ length: 3000 }, () => {
      s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
      return 1 + (s % 60);
    });
    const ds = await lengthsDataset(lens);
    manualSeed(0);
    const plain = paddingOf(new Iterator(ds, { batchSize: 64, sortKey: textLength }), lens);
    manualSeed(0);
    const bucket = paddingOf(new BucketIterator(ds, { batchSize: 64, sortKey: textLength, sortWithinBatch: true }), lens);
    expect(plain.tokens).toBe(bucket.tokens);
    console.log(
      `padding per epoch, batch 64, 3,000 examples of 1-60 tokens: Iterator ${plain.padding} (${((100 * plain.padding) / (plain.padding + plain.tokens)).toFixed(1)}% of the tensors), BucketIterator ${bucket.padding} (${((100 * bucket.padding) / (bucket.padding + bucket.tokens)).toFixed(1)}%): ${(plain.padding / bucket.padding).toFixed(1)}x less`,
    );
    expect(bucket.padding * 10).toBeLessThan(plain.padding);
  });

  it('needs a sortKey to bucket', async () => {
    const ds = await lengthsDataset();
    expect(() => [...new BucketIterator(ds, { batchSize: 2, sortWithinBatch: true })]).toThrow('BucketIterator: bucketing with sortWithinBatch needs a sortKey');
    // Without sortWithinBatch, pools are cut in order (torchtext never sorts them then).
    expect([...new BucketIterator(ds, { batchSize: 5, shuffle: false })].map((b) => (b.id as Tensor).tolist())).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
  });
});
