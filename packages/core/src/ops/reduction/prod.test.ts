import { describe, expect, it } from 'vitest';
import { IndexError, gradcheck, prod, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('prod', () => {
  it('multiplies all elements or along one dim', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(prod(x).item()).toBe(24);
    expect(prod(x, 1).tolist()).toEqual([2, 12]);
    expect(x.prod({ dim: 0, keepdim: true }).tolist()).toEqual([[3, 8]]);
    expect(prod(tensor([2, 3], { dtype: 'int32' })).dtype).toBe('int32');
    expect(prod(tensor([true, true])).dtype).toBe('int32');
    expect(prod(tensor([])).item()).toBe(1);
  });

  it('has exact gradients with zeros in the input', () => {
    const x = tensor([2, 0, 3], { requiresGrad: true });
    prod(x).backward();
    expect(x.grad!.tolist()).toEqual([0, 6, 0]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.prod(1), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((t) => t.prod(), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses out-of-range dims', () => {
    expect(() => prod(tensor([1, 2]), 1)).toThrow(IndexError);
    expect(() => prod(tensor([1, 2]), 1)).toThrow('prod: dimension out of range (expected to be in range of [-1, 0], but got 1)');
  });
});
