import { describe, expect, it } from 'vitest';
import { IndexError, ValueError, gradcheck, median, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('median', () => {
  it('returns the lower median of all elements', () => {
    expect(median(tensor([1, 4, 2, 3])).item()).toBe(2);
    expect(median(tensor([[5, 1, 3]])).item()).toBe(3);
    expect(tensor([3], { dtype: 'int32' }).median().dtype).toBe('int32');
    expect(Number.isNaN(median(tensor([])).item())).toBe(true);
  });

  it('returns values and indices along a dim', () => {
    const r = median(tensor([[1, 9, 5], [3, 2, 8]]), 1);
    expect(r.values.tolist()).toEqual([5, 3]);
    expect(r.indices.tolist()).toEqual([2, 0]);
    const k = tensor([[1, 9], [3, 2], [0, 4]]).median({ dim: 0, keepdim: true });
    expect(k.values.tolist()).toEqual([[1, 4]]);
    expect(k.indices.tolist()).toEqual([[0, 2]]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.median(), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((t) => t.median(1).values, [testTensor([3, 5], { requiresGrad: true })])).toBe(true);
  });

  it('refuses empty dims and bad dims', () => {
    expect(() => median(tensor([[]]), 1)).toThrow(ValueError);
    expect(() => median(tensor([1]), 1)).toThrow(IndexError);
  });
});

describe('median with NaN', () => {
  it('returns NaN and its index, like PyTorch', () => {
    expect(Number.isNaN(median(tensor([1, 2, NaN, 3, 4])).item())).toBe(true);
    const r = median(tensor([[1, NaN, 3, NaN], [4, 1, 2, 3]]), 1);
    expect(Number.isNaN((r.values.tolist() as number[])[0])).toBe(true);
    expect((r.values.tolist() as number[])[1]).toBe(2);
    expect(r.indices.tolist()).toEqual([1, 2]);
  });
});
