import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ValueError, oneHot, tensor, type NestedArray } from '../../index';

const ints = (v: NestedArray<number>) => tensor(v, { dtype: 'int32' });

describe('oneHot', () => {
  it('encodes indices with a given number of classes', () => {
    const y = oneHot(ints([0, 2, 1]), 4);
    expect(y.dtype).toBe('int32');
    expect(y.tolist()).toEqual([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0]]);
  });

  it('infers the number of classes and keeps the input shape', () => {
    const y = oneHot(ints([[0, 3], [1, 1]]));
    expect(y.shape).toEqual([2, 2, 4]);
    expect(y.tolist()).toEqual([[[1, 0, 0, 0], [0, 0, 0, 1]], [[0, 1, 0, 0], [0, 1, 0, 0]]]);
  });

  it('handles 0-d and empty input', () => {
    expect(oneHot(tensor(2, { dtype: 'int32' }), 3).tolist()).toEqual([0, 0, 1]);
    expect(oneHot(tensor([], { dtype: 'int32' }), 3).shape).toEqual([0, 3]);
  });

  it('refuses non-integer input', () => {
    expect(() => oneHot(tensor([0.5]))).toThrow(DTypeError);
    expect(() => oneHot(tensor([0.5]))).toThrow('oneHot: expected an int32 (int64) tensor of class indices, got float32');
  });

  it('refuses indices out of range', () => {
    expect(() => oneHot(ints([0, 3]), 2)).toThrow(IndexError);
    expect(() => oneHot(ints([0, 3]), 2)).toThrow('oneHot: class value 3 is out of range for numClasses=2 (values must be smaller than numClasses)');
    expect(() => oneHot(ints([1, -1]), 2)).toThrow('oneHot: class values must be non-negative, got -1 at flat index 1');
  });

  it('refuses a bad numClasses and an empty input without one', () => {
    expect(() => oneHot(ints([0]), -2)).toThrow(ValueError);
    expect(() => oneHot(ints([0]), -2)).toThrow('oneHot: numClasses must be a non-negative integer or -1, got -2');
    expect(() => oneHot(tensor([], { dtype: 'int32' }))).toThrow('oneHot: cannot infer numClasses from an empty tensor; pass numClasses');
  });
});
