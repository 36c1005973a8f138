import { manualSeed, type Tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { Dataset } from '../dataset/dataset';
import type { Batch } from './batch';
import { Iterator, type IteratorOptions } from './iterator';
import { lengthsDataset, textLength } from './iterator-fixtures';

const summary = (b: Batch) => ({ ids: (b.id as Tensor).tolist(), text_shape: (b.text as Tensor).shape });

describe('Iterator', () => {
  const cases: [string, Partial<IteratorOptions>][] = [
    ['plain_in_order', { train: false, sort: false }],
    ['sorted_eval', { train: false, sortKey: textLength }],
    ['sorted_eval_within', { train: false, sortKey: textLength, sortWithinBatch: false }],
    ['unsorted_within', { train: true, shuffle: false, sortKey: textLength, sortWithinBatch: true }],
  ];
  it.each(cases)('makes the batches torchtext makes: %s', async (name, options) => {
    const it = new Iterator(await lengthsDataset(), { batchSize: 5, ...options });
    expect([...it].map(summary)).toEqual(classic.iterators[name].batches);
    expect(it.iterations).toBe(classic.iterators[name].iterations);
    expect(it.length).toBe(classic.iterators.length);
  });

  it("prints a batch as torchtext's Batch.__str__, with @dl's dtype names", async () => {
    const it = new Iterator(await lengthsDataset(), { batchSize: 5, train: false, sort: false });
    const first = it[Symbol.iterator]().next().value!;
    const expected = (classic.iterators.repr as string).replace('torchtext.data.batch.Batch', 'Batch').replaceAll('torch.LongTensor', 'int32 tensor');
    expect(String(first)).toBe(expected);
    expect(String(first)).toBe('\n[Batch of size 5]\n\t[.text]:[int32 tensor of size 9x5]\n\t[.id]:[int32 tensor of size 5]');
    const [x, y] = first;
    expect(x).toEqual([first.text, first.id]);
    expect(y).toBeNull();
  });

  it('shuffles training data, repeatably after manualSeed, and counts epochs with repeat', async () => {
    const ds = await lengthsDataset();
    const order = () => {
      manualSeed(7);
      return [...new Iterator(ds, { batchSize: 4 })].flatMap((b) => (b.id as Tensor).tolist() as number[]);
    };
    const a = order();
    expect(a).toEqual(order());
    expect([...a].sort((p, q) => p - q)).toEqual([...Array(12).keys()]);
    expect(a).not.toEqual([...Array(12).keys()]);
    const rep = new Iterator(ds, { batchSize: 5, repeat: true });
    const seen: number[] = [];
    for (const b of rep) {
      seen.push(b.batchSize);
      if (rep.iterations === 7) break;
    }
    expect(seen).toEqual([5, 5, 2, 5, 5, 2, 5]);
    expect(rep.epoch).toBe(2);
  });

  it('resumes mid-epoch from a state dict with the same shuffle', async () => {
    const ds = await lengthsDataset();
    manualSeed(3);
    const it = new Iterator(ds, { batchSize: 3 });
    const all = [...it].map((b) => (b.id as Tensor).tolist());
    manualSeed(3);
    const first = new Iterator(ds, { batchSize: 3 });
    const gen = first[Symbol.iterator]();
    gen.next();
    gen.next();
    const state = first.stateDict();
    expect(state.iterationsThisEpoch).toBe(2);
    const resumed = new Iterator(ds, { batchSize: 3 });
    resumed.loadStateDict(JSON.parse(JSON.stringify(state)));
    expect([...resumed].map((b) => (b.id as Tensor).tolist())).toEqual(all.slice(2));
    expect(() => resumed.loadStateDict({} as never)).toThrow('Iterator.loadStateDict: not an iterator state');
  });

  it('makes one iterator per split, the first for training', async () => {
    const ds = await lengthsDataset();
    const [train, val] = Iterator.splits([ds, ds], { batchSizes: [4, 6], sortKey: textLength, device: -1 });
    expect([train!.train, train!.shuffle, train!.sort, val!.train, val!.sort, val!.batchSize]).toEqual([true, true, false, false, true, 6]);
    const [a, b] = Iterator.splits([ds, ds], { batchSize: 2 });
    expect([a!.batchSize, b!.batchSize]).toEqual([2, 2]);
    expect(() => Iterator.splits([ds], {})).toThrow('Iterator.splits: give batchSizes (one per dataset) or batchSize');
    expect(() => Iterator.splits([ds], { batchSizes: [1, 2] })).toThrow('Iterator.splits: 1 datasets but 2 batch sizes');
  });

  it('batches by a batchSizeFn, whose length is unknown', async () => {
    const ds = await lengthsDataset();
    const it = new Iterator(ds, { batchSize: 10, train: false, sort: false, batchSizeFn: (ex, _n, sofar) => sofar + textLength(ex) });
    expect([...it].map((b) => (b.id as Tensor).tolist())).toEqual([[0, 1], [2], [3, 4], [5, 6], [7], [8, 9], [10, 11]]);
    expect(() => it.length).toThrow('Iterator.length: the number of batches is unknown with a batchSizeFn');
  });

  it('refuses empty datasets, bad batch sizes, GPU devices and sorting without a key', async () => {
    const ds = await lengthsDataset();
    expect(() => new Iterator(new Dataset([], ds.fields), { batchSize: 2 })).toThrow(EmptyDatasetError);
    expect(() => new Iterator(new Dataset([], ds.fields), { batchSize: 2 })).toThrow('Iterator: the dataset has no examples to batch');
    expect(() => new Iterator(ds, { batchSize: 0 })).toThrow('Iterator: batchSize must be a positive integer, got 0');
    expect(() => new Iterator(ds, { batchSize: 2, device: 'cuda:0' as never })).toThrow(ValueError);
    expect(() => new Iterator(ds, { batchSize: 2, device: 'cuda:0' as never })).toThrow("Iterator: device 'cuda:0' is not available");
    expect(() => [...new Iterator(ds, { batchSize: 2, train: false })]).toThrow('Iterator: sort needs a sortKey (pass sortKey, or set the dataset\'s sortKey)');
  });
});
