import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { ShapeError } from '../../index';

describe('mm', () => {
  it('multiplies 2-D matrices', () => {
    expect(dl.mm(dl.tensor([[1, 2], [3, 4]]), dl.tensor([[5], [6]])).tolist()).toEqual([[17], [39]]);
    expect(dl.ones([2, 3]).mm(dl.ones([3, 4])).shape).toEqual([2, 4]);
  });

  it('refuses non-matrices and mismatched inner sizes', () => {
    expect(() => dl.mm(dl.ones([2, 3, 4]), dl.ones([4, 2]))).toThrow(ShapeError);
    expect(() => dl.mm(dl.ones([2, 3, 4]), dl.ones([4, 2]))).toThrow('mm: self must be a matrix (2-D), got shape [2, 3, 4]');
    expect(() => dl.mm(dl.ones([2, 3]), dl.ones([3]))).toThrow('mm: mat2 must be a matrix (2-D), got shape [3]');
    expect(() => dl.mm(dl.ones([2, 3]), dl.ones([4, 5]))).toThrow('mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
  });
});

describe('bmm', () => {
  it('multiplies batches of matrices', () => {
    const y = dl.bmm(dl.ones([5, 2, 3]), dl.ones([5, 3, 4]));
    expect(y.shape).toEqual([5, 2, 4]);
    expect((y.tolist() as number[][][])[4][1][3]).toBe(3);
  });

  it('refuses other ranks and mismatched batches', () => {
    expect(() => dl.bmm(dl.ones([2, 3]), dl.ones([1, 3, 2]))).toThrow('bmm: batch1 must be a 3-D tensor, got shape [2, 3]');
    expect(() => dl.bmm(dl.ones([2, 2, 3]), dl.ones([3, 3, 4]))).toThrow(ShapeError);
    expect(() => dl.bmm(dl.ones([2, 2, 3]), dl.ones([3, 3, 4]))).toThrow('bmm: expected batch2 of shape [2, 3, 4] for batch1 of shape [2, 2, 3], got [3, 3, 4]');
  });
});

describe('mv, dot, outer', () => {
  it('mv multiplies a matrix by a vector', () => {
    expect(dl.mv(dl.tensor([[1, 2, 3], [4, 5, 6]]), dl.tensor([1, 0, -1])).tolist()).toEqual([-2, -2]);
    expect(() => dl.mv(dl.ones([2, 3]), dl.ones([2]))).toThrow('mv: size mismatch, matrix [2, 3] and vector [2]');
    expect(() => dl.mv(dl.ones([3]), dl.ones([3]))).toThrow('mv: expected a 2-D matrix and a 1-D vector, got shapes [3] and [3]');
  });

  it('dot gives a 0-d tensor', () => {
    const y = dl.dot(dl.tensor([1, 2]), dl.tensor([3, 4]));
    expect(y.shape).toEqual([]);
    expect(y.item()).toBe(11);
    expect(() => dl.dot(dl.ones([2, 2]), dl.ones([2]))).toThrow('dot: 1D tensors expected, but got 2D and 1D tensors');
    expect(() => dl.dot(dl.ones([2]), dl.ones([3]))).toThrow(
      'dot: inconsistent tensor size, expected tensors of the same number of elements, but got 2 and 3',
    );
  });

  it('outer (ger) builds [n, m]', () => {
    expect(dl.outer(dl.tensor([1, 2]), dl.tensor([1, 10, 100])).tolist()).toEqual([[1, 10, 100], [2, 20, 200]]);
    expect(dl.tensor([1, 2]).ger(dl.tensor([3])).tolist()).toEqual([[3], [6]]);
    expect(() => dl.outer(dl.ones([2, 1]), dl.ones([2]))).toThrow('outer: expected two 1-D tensors, got shapes [2, 1] and [2]');
  });

  it('propagate gradients', () => {
    const a = dl.tensor([1, 2], { requiresGrad: true });
    const b = dl.tensor([3, 4], { requiresGrad: true });
    dl.dot(a, b).backward();
    expect(a.grad!.tolist()).toEqual([3, 4]);
    expect(b.grad!.tolist()).toEqual([1, 2]);
    expect(dl.tensor([1]).dot(dl.tensor([2])).item()).toBe(2);
    expect(dl.ones([2, 2]).mv(dl.ones([2])).tolist()).toEqual([2, 2]);
    expect(dl.ones([1, 2, 2]).bmm(dl.ones([1, 2, 1])).shape).toEqual([1, 2, 1]);
  });
});
