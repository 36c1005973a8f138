import { describe, expect, it } from 'vitest';
import { IndexError, cumprod, cumsum, gradcheck, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('cumsum', () => {
  it('accumulates along a dim, keeping integers integer', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(cumsum(x, 1).tolist()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(x.cumsum(0).tolist()).toEqual([[1, 2, 3], [5, 7, 9]]);
    expect(x.cumsum(-1).tolist()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(cumsum(tensor([true, true]), 0).dtype).toBe('int32');
    expect(cumsum(tensor([1, 2], { dtype: 'int32' }), 0, { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.cumsum(1), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
  });

  it('refuses out-of-range dims', () => {
    expect(() => cumsum(tensor([1]), 1)).toThrow(IndexError);
    expect(() => cumsum(tensor([1]), 1)).toThrow('cumsum: dimension out of range (expected to be in range of [-1, 0], but got 1)');
  });
});

describe('cumprod', () => {
  it('multiplies along a dim', () => {
    expect(cumprod(tensor([1, 2, 3, 4]), 0).tolist()).toEqual([1, 2, 6, 24]);
    expect(tensor([[1, 2], [3, 4]]).cumprod(0).tolist()).toEqual([[1, 2], [3, 8]]);
  });

  it('has exact gradients around zeros', () => {
    const x = tensor([2, 0, 3, 0, 5], { requiresGrad: true });
    cumprod(x, 0).sum().backward();
    // d/dx of 2 + 0 + 0 + ... : x0 -> 1, x1 -> 2 + 2*3 = 8, x2.. -> 0
    expect(x.grad!.tolist()).toEqual([1, 8, 0, 0, 0]);
  });

  it('passes gradcheck, with and without zeros', () => {
    expect(gradcheck((t) => t.cumprod(1), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    const z = tensor([[0.5, 0, 2, -1], [1.5, 2, 0, 0.5]], { requiresGrad: true });
    expect(gradcheck((t) => t.cumprod(1), [z])).toBe(true);
  });

  it('refuses out-of-range dims', () => {
    expect(() => cumprod(tensor([1]), -2)).toThrow(IndexError);
  });
});
