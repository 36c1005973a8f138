import { describe, expect, it } from 'vitest';
import { IndexError } from '../errors/index-error';
import { ValueError } from '../errors/value-error';
import { ArrayDataset } from './array-dataset';
import { Subset } from './subset';

describe('Subset', () => {
  it('maps its indices to the dataset', () => {
    const s = new Subset(['a', 'b', 'c', 'd'], [3, 1]);
    expect(s.length).toBe(2);
    expect([s.getItem(0), s.getItem(1), s.getItem(-1)]).toEqual(['d', 'b', 'b']);
    expect(s.dataset).toBeInstanceOf(ArrayDataset);
  });

  it('nests and passes async items through', async () => {
    const asyncDs = { length: 3, getItem: async (i: number) => i * 10 };
    const inner = new Subset(asyncDs, [2, 0]);
    expect(await new Subset(inner, [1]).getItem(0)).toBe(0);
  });

  it('throws IndexError past its own length and ValueError for a bad dataset', () => {
    const s = new Subset([1, 2, 3], [0]);
    expect(() => s.getItem(1)).toThrow(IndexError);
    expect(() => s.getItem(1)).toThrow('Subset: index 1 is out of range for a dataset of length 1');
    expect(() => new Subset(5 as unknown as number[], [0])).toThrow(ValueError);
    expect(() => new Subset(5 as unknown as number[], [0])).toThrow('Subset: expected a map-style dataset (with getItem and length) or an array, got number');
    expect(() => new Subset([1], 0 as unknown as number[])).toThrow('Subset: indices should be an array of integers, but got 0');
  });

  it('describes itself with its dataset for workers', () => {
    const base = new ArrayDataset([1, 2]);
    expect(new Subset(base, [1]).workerSpec()).toEqual({ module: '@dl/core', export: 'Subset', args: [base, [1]] });
  });
});

describe('ArrayDataset', () => {
  it('indexes the array and checks bounds', () => {
    const ds = new ArrayDataset([5, 6]);
    expect([ds.length, ds.getItem(1)]).toEqual([2, 6]);
    expect(() => ds.getItem(2)).toThrow('ArrayDataset: index 2 is out of range for a dataset of length 2');
  });
});
