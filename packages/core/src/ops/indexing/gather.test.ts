import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, gather, gradcheck, indexSelect, take, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: 'int32' });

describe('gather', () => {
  it('gathers along a dim', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(gather(x, 1, i32([[0, 0], [1, 0]])).tolist()).toEqual([[1, 1], [4, 3]]);
    expect(x.gather(0, i32([[1, 0]])).tolist()).toEqual([[3, 2]]);
    expect(x.gather(-1, i32([[1], [0]])).tolist()).toEqual([[2], [3]]);
  });

  it('accumulates gradients of repeated indices and passes gradcheck', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    gather(x, 1, i32([[0, 0], [1, 0]])).sum().backward();
    expect(x.grad!.tolist()).toEqual([[2, 0], [1, 1]]);
    expect(gradcheck((t) => t.gather(1, i32([[2, 0, 2], [1, 1, 0]])), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses bad index dtypes, shapes and values', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(() => gather(x, 1, tensor([[0.0]]))).toThrow(DTypeError);
    expect(() => gather(x, 1, i32([0, 1]))).toThrow(ShapeError);
    expect(() => gather(x, 1, i32([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]))).toThrow('gather: size does not match at dimension 0: expected index [3, 4] to be smaller than self [2, 2] apart from dimension 1');
    expect(() => gather(x, 1, i32([[2]]))).toThrow(IndexError);
    expect(() => gather(x, 1, i32([[2]]))).toThrow('gather: index 2 is out of bounds for dimension 1 with size 2');
    expect(() => gather(x, 1, i32([[-1]]))).toThrow('gather: index -1 is out of bounds for dimension 1 with size 2');
  });
});

describe('indexSelect', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);

  it('picks entries along a dim', () => {
    expect(indexSelect(x, 1, i32([2, 0])).tolist()).toEqual([[3, 1], [6, 4]]);
    expect(x.indexSelect(0, i32([1, 1])).tolist()).toEqual([[4, 5, 6], [4, 5, 6]]);
    expect(x.indexSelect(1, i32([])).shape).toEqual([2, 0]);
  });

  it('passes gradcheck with repeated indices', () => {
    expect(gradcheck((t) => t.indexSelect(1, i32([2, 0, 2])), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
  });

  it('refuses out-of-range and non-vector indices', () => {
    expect(() => indexSelect(x, 1, i32([3]))).toThrow('indexSelect: index 3 is out of bounds for dimension 1 with size 3');
    expect(() => indexSelect(x, 1, i32([[0]]))).toThrow(ShapeError);
  });
});

describe('take', () => {
  it('indexes the flattened input, negative indices included', () => {
    const x = tensor([[4, 3], [5, 7]]);
    expect(take(x, i32([0, -1])).tolist()).toEqual([4, 7]);
    expect(x.take(i32([[1], [2]])).tolist()).toEqual([[3], [5]]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.take(i32([[0, 5], [5, -2]])), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses out-of-range indices', () => {
    expect(() => take(tensor([1, 2]), i32([2]))).toThrow(IndexError);
    expect(() => take(tensor([1, 2]), i32([-3]))).toThrow('take: index -3 is out of bounds for the flattened input with size 2');
  });
});
