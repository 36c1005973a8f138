import { describe, expect, it } from 'vitest';
import { IndexError, ValueError, flatten, gradcheck, squeeze, tensor, unsqueeze } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('unsqueeze', () => {
  it('inserts a size-1 dimension, negative dims counting from the end of the result', () => {
    const x = testTensor([2, 3]);
    expect(unsqueeze(x, 0).shape).toEqual([1, 2, 3]);
    expect(x.unsqueeze(2).shape).toEqual([2, 3, 1]);
    expect(x.unsqueeze(-1).shape).toEqual([2, 3, 1]);
    expect(x.unsqueeze(-3).shape).toEqual([1, 2, 3]);
    expect(tensor(1).unsqueeze(0).shape).toEqual([1]);
  });

  it('refuses out-of-range dims', () => {
    expect(() => testTensor([2, 3]).unsqueeze(3)).toThrow(IndexError);
    expect(() => testTensor([2, 3]).unsqueeze(-4)).toThrow('unsqueeze: dimension out of range (expected to be in range of [-3, 2], but got -4)');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.unsqueeze(1), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });
});

describe('squeeze', () => {
  it('drops every size-1 dimension, or only the listed ones', () => {
    const x = testTensor([2, 1, 3, 1]);
    expect(squeeze(x).shape).toEqual([2, 3]);
    expect(x.squeeze(1).shape).toEqual([2, 3, 1]);
    expect(x.squeeze(0).shape).toEqual([2, 1, 3, 1]);
    expect(x.squeeze([1, -1]).shape).toEqual([2, 3]);
    expect(tensor([[5]]).squeeze().shape).toEqual([]);
  });

  it('refuses out-of-range dims', () => {
    expect(() => testTensor([2, 1]).squeeze(2)).toThrow('squeeze: dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.squeeze(), [testTensor([2, 1, 3], { requiresGrad: true })])).toBe(true);
  });
});

describe('flatten', () => {
  it('merges a range of dimensions', () => {
    const x = testTensor([2, 3, 4, 5]);
    expect(flatten(x).shape).toEqual([120]);
    expect(x.flatten(1).shape).toEqual([2, 60]);
    expect(x.flatten(1, 2).shape).toEqual([2, 12, 5]);
    expect(x.flatten(-2, -1).shape).toEqual([2, 3, 20]);
    expect(tensor(3).flatten().shape).toEqual([1]);
  });

  it('refuses startDim after endDim and out-of-range dims', () => {
    const x = testTensor([2, 3]);
    expect(() => x.flatten(1, 0)).toThrow(ValueError);
    expect(() => x.flatten(1, 0)).toThrow('flatten: startDim (1) cannot come after endDim (0)');
    expect(() => x.flatten(2)).toThrow(IndexError);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.flatten(1), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
  });
});
