import { describe, expect, it } from 'vitest';
import { IndexError, argsort, gradcheck, sort, tensor, topk, unique } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('topk', () => {
  it('picks the k largest or smallest along a dim', () => {
    const r = topk(tensor([1, 5, 3, 4]), 2);
    expect(r.values.tolist()).toEqual([5, 4]);
    expect(r.indices.tolist()).toEqual([1, 3]);
    const s = tensor([[1, 5, 3, 4], [2, 8, 9, 0]]).topk(2, { dim: 1, largest: false });
    expect(s.values.tolist()).toEqual([[1, 3], [0, 2]]);
    expect(s.indices.tolist()).toEqual([[0, 2], [3, 0]]);
    expect(tensor([[1, 5], [3, 4]]).topk(1, { dim: 0 }).values.tolist()).toEqual([[3, 5]]);
    expect(tensor([3, -2147483648, 7], { dtype: 'int32' }).topk(1, { largest: false }).values.tolist()).toEqual([-2147483648]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.topk(2, { dim: 0 }).values, [testTensor([4, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses k out of range', () => {
    expect(() => topk(tensor([1, 2]), 3)).toThrow(IndexError);
    expect(() => topk(tensor([1, 2]), 3)).toThrow('topk: k (3) is out of range for dimension 0 of size 2');
  });
});

describe('sort / argsort', () => {
  it('sorts ascending or descending, stably', () => {
    const r = sort(tensor([3, 1, 2]));
    expect(r.values.tolist()).toEqual([1, 2, 3]);
    expect(r.indices.tolist()).toEqual([1, 2, 0]);
    const ties = tensor([2, 1, 2, 1, 2, 1, 0, 2, 1, 2, 0, 1, 1, 2, 0]);
    const asc = ties.sort({ stable: true }).indices.tolist() as number[];
    expect(asc).toEqual([6, 10, 14, 1, 3, 5, 8, 11, 12, 0, 2, 4, 7, 9, 13]);
    const desc = ties.sort({ descending: true, stable: true }).indices.tolist() as number[];
    expect(desc).toEqual([0, 2, 4, 7, 9, 13, 1, 3, 5, 8, 11, 12, 6, 10, 14]);
    expect(argsort(tensor([[3, 1], [0, 5]]), { dim: 0 }).tolist()).toEqual([[1, 0], [0, 1]]);
    expect(tensor([3, 1, 2]).argsort({ descending: true }).tolist()).toEqual([0, 2, 1]);
    expect(sort(tensor([1, NaN, 3])).values.tolist()).toEqual([1, 3, NaN]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.sort({ dim: 1 }).values, [testTensor([2, 5], { requiresGrad: true })])).toBe(true);
  });

  it('refuses bad dims', () => {
    expect(() => sort(tensor([1]), { dim: 1 })).toThrow('sort: dimension out of range (expected to be in range of [-1, 0], but got 1)');
  });
});

describe('unique', () => {
  it('returns sorted unique values, inverse indices and counts (PyTorch 1.13 values)', () => {
    const x = tensor([2, 1, 2, 3, 1]);
    expect(unique(x).tolist()).toEqual([1, 2, 3]);
    const r = unique(x, { returnInverse: true, returnCounts: true });
    expect(r.values.tolist()).toEqual([1, 2, 3]);
    expect(r.inverse!.tolist()).toEqual([1, 0, 1, 2, 0]);
    expect(r.counts!.tolist()).toEqual([2, 2, 1]);
    expect(unique(x, { sorted: false }).tolist()).toEqual([2, 1, 3]);
    expect(tensor([[1, 1], [0, 1]], { dtype: 'int32' }).unique({ returnInverse: true }).inverse!.tolist()).toEqual([[1, 1], [0, 1]]);
    expect(unique(tensor([true, false, true])).tolist()).toEqual([false, true]);
    expect(unique(tensor([])).shape).toEqual([0]);
  });
});
