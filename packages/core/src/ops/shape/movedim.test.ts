import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, gradcheck, matrixTranspose, moveaxis, movedim, reverseDims, t, tensor, unflatten } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('movedim', () => {
  it('moves one or several dims like PyTorch', () => {
    expect(movedim(testTensor([2, 3, 4]), 0, -1).shape).toEqual([3, 4, 2]);
    expect(testTensor([2, 3, 4, 5]).movedim([0, 1], [3, 1]).shape).toEqual([4, 3, 5, 2]);
    expect(moveaxis(testTensor([2, 3]), 1, 0).shape).toEqual([3, 2]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.movedim(0, 2), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
  });

  it('refuses mismatched and repeated dims', () => {
    const x = testTensor([2, 3, 4]);
    expect(() => x.movedim([0, 1], [2])).toThrow(ShapeError);
    expect(() => x.movedim([0, 0], [1, 2])).toThrow(ValueError);
    expect(() => x.movedim([0, 0], [1, 2])).toThrow('movedim: repeated dim in source [0, 0]');
    expect(() => x.movedim(3, 0)).toThrow(IndexError);
  });
});

describe('t / mT / T', () => {
  it('transposes', () => {
    expect(t(tensor([[1, 2]])).tolist()).toEqual([[1], [2]]);
    expect(tensor([1, 2]).t().tolist()).toEqual([1, 2]);
    expect(testTensor([5, 2, 3]).mT.shape).toEqual([5, 3, 2]);
    expect(matrixTranspose(testTensor([2, 3])).shape).toEqual([3, 2]);
    expect(testTensor([2, 3, 4]).T.shape).toEqual([4, 3, 2]);
    expect(reverseDims(tensor(1)).shape).toEqual([]);
  });

  it('refuses wrong ranks', () => {
    expect(() => t(testTensor([2, 3, 4]))).toThrow(ShapeError);
    expect(() => t(testTensor([2, 3, 4]))).toThrow('t: expects a tensor with <= 2 dimensions, but got shape [2, 3, 4]; use transpose(dim0, dim1) or mT');
    expect(() => tensor([1]).mT).toThrow('mT: tensor of shape [1] has fewer than 2 dimensions');
  });
});

describe('unflatten', () => {
  it('splits a dimension', () => {
    expect(unflatten(testTensor([2, 12]), 1, [3, -1]).shape).toEqual([2, 3, 4]);
    expect(testTensor([6, 2]).unflatten(0, [2, 3]).shape).toEqual([2, 3, 2]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.unflatten(-1, [2, 2]), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
  });

  it('refuses sizes that do not fit', () => {
    expect(() => unflatten(testTensor([2, 12]), 1, [5, -1])).toThrow(ShapeError);
    expect(() => unflatten(testTensor([2, 12]), 1, [5, 2])).toThrow('unflatten: shape [5, 2] is invalid for input of size 12 (input shape [12])');
  });
});
