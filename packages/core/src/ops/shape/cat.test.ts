import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, cat, concat, gradcheck, stack, tensor } from '../../index';
import { testTensor as randn } from '../../../test/support/test-tensor';

describe('cat', () => {
  it('joins along a dimension, negative dims included', () => {
    const a = tensor([[1, 2], [3, 4]]);
    const b = tensor([[5], [6]]);
    expect(cat([a, b], 1).tolist()).toEqual([[1, 2, 5], [3, 4, 6]]);
    expect(cat([a, b], -1).tolist()).toEqual([[1, 2, 5], [3, 4, 6]]);
    expect(concat([a, a]).shape).toEqual([4, 2]);
  });

  it('promotes dtypes and skips legacy empty 1-D tensors', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    const f = tensor([0.5]);
    const out = cat([i, f]);
    expect(out.dtype).toBe('float32');
    expect(out.tolist()).toEqual([1, 2, 0.5]);
    expect(cat([tensor([[1, 2]]), tensor([])]).tolist()).toEqual([[1, 2]]);
    expect(cat([i, i]).dtype).toBe('int32');
  });

  it('passes gradcheck', () => {
    const a = randn([2, 3], { requiresGrad: true });
    const b = randn([2, 2], { requiresGrad: true });
    expect(gradcheck((x, y) => cat([x, y], 1), [a, b])).toBe(true);
  });

  it('refuses mismatched shapes, empty lists, 0-d tensors and bad dims', () => {
    expect(() => cat([tensor([[1, 2]]), tensor([[1, 2, 3]])], 0)).toThrow(ShapeError);
    expect(() => cat([tensor([[1, 2]]), tensor([[1, 2, 3]])], 0)).toThrow(/cat: sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1/);
    expect(() => cat([tensor([[1, 2]]), tensor([1, 2])])).toThrow(/cat: tensors must have same number of dimensions/);
    expect(() => cat([])).toThrow(ValueError);
    expect(() => cat([tensor(1), tensor(2)])).toThrow(/zero-dimensional tensor \(at position 0\) cannot be concatenated/);
    expect(() => cat([tensor([1])], 2)).toThrow(IndexError);
    expect(() => cat([tensor([1])], 2)).toThrow(/cat: dimension out of range \(expected to be in range of \[-1, 0\], but got 2\)/);
  });
});

describe('stack', () => {
  it('stacks along a new dimension', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(stack([a, b], 1).tolist()).toEqual([[1, 3], [2, 4]]);
    expect(stack([a, b], -1).tolist()).toEqual([[1, 3], [2, 4]]);
  });

  it('passes gradcheck', () => {
    const a = randn([2, 3], { requiresGrad: true });
    const b = randn([2, 3], { requiresGrad: true });
    expect(gradcheck((x, y) => stack([x, y], 1), [a, b])).toBe(true);
  });

  it('refuses unequal shapes and empty lists', () => {
    expect(() => stack([tensor([1, 2]), tensor([1])])).toThrow(ShapeError);
    expect(() => stack([tensor([1, 2]), tensor([1])])).toThrow(/stack: expects each tensor to be equal size, but got \[2\] at entry 0 and \[1\] at entry 1/);
    expect(() => stack([])).toThrow(/stack: expected a non-empty list/);
    expect(() => stack([tensor([1])], 3)).toThrow(IndexError);
  });
});
