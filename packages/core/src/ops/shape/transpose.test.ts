import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, gradcheck, permute, swapaxes, tensor, transpose } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('transpose', () => {
  it('swaps two dimensions', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(transpose(x, 0, 1).tolist()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(x.transpose(-1, -2).tolist()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(swapaxes(testTensor([2, 3, 4]), 0, 2).shape).toEqual([4, 3, 2]);
    expect(x.swapaxes(1, 1).tolist()).toEqual(x.tolist());
    expect(tensor([1, 2]).transpose(0, -1).tolist()).toEqual([1, 2]);
  });

  it('refuses out-of-range dims', () => {
    expect(() => testTensor([2, 3]).transpose(0, 2)).toThrow(IndexError);
    expect(() => testTensor([2, 3]).transpose(0, 2)).toThrow('transpose: dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.transpose(0, 2), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
  });
});

describe('permute', () => {
  it('reorders dimensions', () => {
    const x = testTensor([2, 3, 4]);
    expect(permute(x, [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(x.permute(-1, 1, 0).shape).toEqual([4, 3, 2]);
    const y = tensor([[1, 2], [3, 4]]);
    expect(y.permute([1, 0]).tolist()).toEqual([[1, 3], [2, 4]]);
  });

  it('refuses wrong lengths, repeated and out-of-range dims', () => {
    const x = testTensor([2, 3]);
    expect(() => x.permute(0)).toThrow(ShapeError);
    expect(() => x.permute(0)).toThrow("permute: number of dims don't match (got 1 dims [0] for a tensor of shape [2, 3])");
    expect(() => x.permute(0, -2)).toThrow(ValueError);
    expect(() => x.permute(0, -2)).toThrow('permute: repeated dim -2 in dims [0, -2]');
    expect(() => x.permute(0, 2)).toThrow(IndexError);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.permute(1, 2, 0), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
  });
});
