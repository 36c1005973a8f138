import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ValueError, gradcheck, index, slice, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const arange = (n: number) => tensor(Array.from({ length: n }, (_, i) => i));
const i32 = (v: number[] | number[][]) => tensor(v, { dtype: 'int32' });

// Expected values were computed with PyTorch 1.13.
describe('index', () => {
  const x = arange(24).reshape(2, 3, 4);

  it('selects and slices like x[0, 1:3], x[-1, -2:], x[..., None, ::2]', () => {
    expect(index(x, 0, slice(1, 3)).tolist()).toEqual([[4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(x.index(-1, slice(-2, null)).tolist()).toEqual([[16, 17, 18, 19], [20, 21, 22, 23]]);
    expect(x.index('...', null, slice(null, null, 2)).shape).toEqual([2, 3, 1, 2]);
    expect(x.index(1, 2, 3).item()).toBe(23);
    expect(arange(5).index(slice(1, null, 2)).tolist()).toEqual([1, 3]);
    expect(arange(5).index(slice(3)).tolist()).toEqual([0, 1, 2]);
    expect(arange(5).index(slice(10, 20)).shape).toEqual([0]);
    expect(x.index().shape).toEqual([2, 3, 4]);
  });

  it('indexes with tensors and arrays using NumPy placement rules', () => {
    expect(x.index(slice(), [0, 2], [1, 3]).tolist()).toEqual([[1, 11], [13, 23]]);
    expect(x.index([1, 0], slice(), [1, 3]).shape).toEqual([2, 3]);
    expect(x.index(slice(), slice(), i32([[0], [1]])).shape).toEqual([2, 3, 2, 1]);
    expect(x.index(0, slice(), [1, 2]).shape).toEqual([3, 2]);
    expect(x.index(1, [0, 2]).tolist()).toEqual([[12, 13, 14, 15], [20, 21, 22, 23]]);
    expect(x.index(i32([-1])).shape).toEqual([1, 3, 4]);
  });

  it('indexes with bool masks', () => {
    expect(x.index(x.gt(20)).tolist()).toEqual([21, 22, 23]);
    expect(x.index(tensor([[true, false, true], [false, false, true]])).shape).toEqual([3, 4]);
  });

  it('passes gradcheck through basic and advanced indexing', () => {
    const a = testTensor([3, 4, 2], { requiresGrad: true });
    expect(gradcheck((t) => t.index(1, slice(null, null, 2)), [a])).toBe(true);
    expect(gradcheck((t) => t.index(slice(), [0, 0, 3], 1), [a])).toBe(true);
    expect(gradcheck((t) => t.index(i32([[2, 0], [0, 1]])), [a])).toBe(true);
  });

  it('refuses out-of-range indices, too many indices, bad masks and steps', () => {
    expect(() => x.index(2)).toThrow(IndexError);
    expect(() => x.index(2)).toThrow('index: index 2 is out of bounds for dimension 0 with size 2');
    expect(() => x.index(slice(), [0, 3])).toThrow('index: index 3 is out of bounds for dimension 1 with size 3');
    expect(() => x.index(0, 0, 0, 0)).toThrow('index: too many indices for tensor of dimension 3 (got 4 indexed dimensions)');
    expect(() => x.index('...', '...')).toThrow('index: an index can only have a single ellipsis (...)');
    expect(() => x.index(tensor([true, false, true]))).toThrow('index: the shape of the mask [3] at index 0 does not match the shape of the indexed tensor [2, 3, 4] at index 0');
    expect(() => x.index([0, 1], [0, 1, 2])).toThrow('index: shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]');
    expect(() => x.index(tensor([0.5]))).toThrow(DTypeError);
    expect(() => slice(0, 4, -1)).toThrow(ValueError);
    expect(() => slice(0, 4, -1)).toThrow('slice: step must be greater than zero (got -1); use flip() to reverse');
  });
});

describe('index placement rules (PyTorch 1.13 shapes)', () => {
  const x = tensor(Array.from({ length: 24 }, (_, i) => i)).reshape(2, 3, 4);
  it('matches PyTorch for numbers mixed with advanced indices', () => {
    expect(x.index(slice(), 0, [0, 1]).shape).toEqual([2, 2]);
    expect(x.index([0, 1], slice(), 0).shape).toEqual([2, 3]);
    expect(x.index([0, 1], 0, [1, 2]).tolist()).toEqual([1, 14]);
    expect(x.index(slice(), [0, 1], 0).shape).toEqual([2, 2]);
    expect(x.index(null, [0, 1], '...', [1, 2]).shape).toEqual([2, 1, 3]);
    expect(x.index(tensor([[0], [1]], { dtype: 'int32' }), slice(1, null), [1, 2]).shape).toEqual([2, 2, 2]);
  });
});
