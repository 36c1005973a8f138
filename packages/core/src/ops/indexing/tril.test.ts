import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, diag, diagonal, gradcheck, tensor, trace, tril, triu } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const ones = (r: number, c: number) => tensor(Array.from({ length: r }, () => Array.from({ length: c }, () => 1)));

describe('tril / triu', () => {
  it('keeps a triangle', () => {
    expect(tril(ones(3, 3)).tolist()).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect(triu(ones(2, 3), 1).tolist()).toEqual([[0, 1, 1], [0, 0, 1]]);
    expect(ones(3, 2).tril(-1).tolist()).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(testTensor([4, 2, 3]).triu().shape).toEqual([4, 2, 3]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.tril(1), [testTensor([2, 3, 3], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((a) => a.triu(), [testTensor([3, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses inputs with fewer than 2 dims', () => {
    expect(() => tril(tensor([1]))).toThrow(ShapeError);
    expect(() => triu(tensor([1]))).toThrow('triu: input tensor must have at least 2 dimensions (got shape [1])');
  });
});

// Expected values were computed with PyTorch 1.13.
describe('diag / diagonal / trace', () => {
  it('builds and extracts diagonals', () => {
    expect(diag(tensor([1, 2])).tolist()).toEqual([[1, 0], [0, 2]]);
    expect(diag(tensor([1, 2]), -1).tolist()).toEqual([[0, 0, 0], [1, 0, 0], [0, 2, 0]]);
    expect(tensor([[1, 2], [3, 4]]).diag(1).tolist()).toEqual([2]);
    expect(diag(tensor([[1, 2, 3], [4, 5, 6]])).tolist()).toEqual([1, 5]);
    expect(diagonal(tensor([[1, 2], [3, 4]])).tolist()).toEqual([1, 4]);
    const x = tensor(Array.from({ length: 24 }, (_, i) => i)).reshape(2, 3, 4);
    expect(diagonal(x, { offset: 1, dim1: 2, dim2: 0 }).tolist()).toEqual([[12], [16], [20]]);
    expect(testTensor([5, 3, 3]).diagonal({ dim1: 1, dim2: 2 }).shape).toEqual([5, 3]);
    expect(trace(tensor([[1, 2], [3, 4]])).item()).toBe(5);
    expect(tensor([[1, 2], [3, 4]], { dtype: 'int32' }).trace().dtype).toBe('int32');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.diag(), [testTensor([3], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((a) => a.diag(-1), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((a) => a.diagonal({ offset: 1, dim1: -1, dim2: 0 }), [testTensor([3, 2, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((a) => a.trace(), [testTensor([3, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses wrong ranks and identical dims', () => {
    expect(() => diag(testTensor([2, 2, 2]))).toThrow('diag: expected a 1-D or 2-D tensor (got shape [2, 2, 2])');
    expect(() => diagonal(testTensor([2, 2]), { dim1: 1, dim2: -1 })).toThrow(ValueError);
    expect(() => diagonal(testTensor([2, 2]), { dim1: 1, dim2: -1 })).toThrow('diagonal: diagonal dimensions cannot be identical 1, -1');
    expect(() => trace(testTensor([3]))).toThrow('trace: expected a matrix (got shape [3])');
  });
});
