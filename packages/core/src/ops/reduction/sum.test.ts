import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ValueError, gradcheck, mean, sum, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('sum', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);

  it('reduces everything or the given dims, keepdim included', () => {
    expect(sum(x).item()).toBe(21);
    expect(sum(x).shape).toEqual([]);
    expect(sum(x, { dim: 1 }).tolist()).toEqual([6, 15]);
    expect(x.sum(0, { keepdim: true }).tolist()).toEqual([[5, 7, 9]]);
    expect(x.sum(-1).tolist()).toEqual([6, 15]);
    expect(x.sum([0, 1]).item()).toBe(21);
    expect(x.sum({ dim: [1, 0], keepdim: true }).shape).toEqual([1, 1]);
    expect(tensor(3).sum(0).item()).toBe(3);
  });

  it('keeps integer sums integer and sums bools as int32', () => {
    const i = tensor([1, 2, 3], { dtype: 'int32' });
    expect(sum(i).dtype).toBe('int32');
    expect(sum(i).item()).toBe(6);
    const b = tensor([true, false, true]);
    expect(sum(b).dtype).toBe('int32');
    expect(sum(b).item()).toBe(2);
    expect(sum(i, { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('passes gradcheck', () => {
    const a = testTensor([2, 3, 2], { requiresGrad: true });
    expect(gradcheck((t) => t.sum(), [a])).toBe(true);
    expect(gradcheck((t) => t.sum([0, 2], { keepdim: true }), [a])).toBe(true);
    expect(gradcheck((t) => t.sum(1), [a])).toBe(true);
  });

  it('refuses out-of-range and repeated dims', () => {
    expect(() => x.sum(2)).toThrow(IndexError);
    expect(() => x.sum(2)).toThrow('sum: dimension out of range (expected to be in range of [-2, 1], but got 2)');
    expect(() => x.sum([1, -1])).toThrow(ValueError);
    expect(() => x.sum([1, -1])).toThrow('sum: dim 1 appears multiple times in the list of dims');
  });
});

describe('mean', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);

  it('averages everything or the given dims', () => {
    expect(mean(x).item()).toBe(3.5);
    expect(x.mean(0).tolist()).toEqual([2.5, 3.5, 4.5]);
    expect(x.mean({ dim: 1, keepdim: true }).tolist()).toEqual([[2], [5]]);
    expect(mean(tensor([1, 2], { dtype: 'int32' }), { dtype: 'float32' }).item()).toBe(1.5);
  });

  it('passes gradcheck', () => {
    const a = testTensor([2, 3, 2], { requiresGrad: true });
    expect(gradcheck((t) => t.mean(), [a])).toBe(true);
    expect(gradcheck((t) => t.mean([-1, 0]), [a])).toBe(true);
  });

  it('refuses integer input without a dtype', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => mean(i)).toThrow(DTypeError);
    expect(() => mean(i)).toThrow("mean: could not infer output dtype. Input dtype must be floating point (got int32); pass { dtype: 'float32' }");
  });
});
