import { describe, expect, it } from 'vitest';
import { IndexError } from '../errors/index-error';
import { ValueError } from '../errors/value-error';
import { ConcatDataset } from './concat-dataset';
import { IterableDataset } from './iterable-dataset';

describe('ConcatDataset', () => {
  it('indexes across the parts, with negative indices from the end', () => {
    const ds = new ConcatDataset<string>([['a', 'b'], [], ['c'], ['d', 'e']]);
    expect(ds.length).toBe(5);
    expect(ds.cumulativeSizes).toEqual([2, 2, 3, 5]);
    expect(Array.from({ length: 5 }, (_, i) => ds.getItem(i))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ds.getItem(-5)).toBe('a');
  });

  it('rejects empty input, iterable datasets and out-of-range indices', () => {
    expect(() => new ConcatDataset([])).toThrow(ValueError);
    expect(() => new ConcatDataset([])).toThrow('ConcatDataset: datasets should not be an empty iterable');
    class Stream extends IterableDataset<number> {
      override *[Symbol.iterator]() {
        yield 1;
      }
    }
    expect(() => new ConcatDataset([new Stream() as never])).toThrow('ConcatDataset: dataset 0 is an IterableDataset; ConcatDataset does not support IterableDataset (use ChainDataset)');
    const ds = new ConcatDataset([[1], [2]]);
    expect(() => ds.getItem(2)).toThrow(IndexError);
    expect(() => ds.getItem(-3)).toThrow('ConcatDataset: index -3 is out of range for a dataset of length 2');
  });
});
