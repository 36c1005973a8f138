import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import * as dl from '../../index';
import { DTypeError, ValueError } from '../../index';

describe('zeros, ones, empty', () => {
  it('take the size as an array, a number or separate numbers', () => {
    expect(dl.zeros([2, 3]).shape).toEqual([2, 3]);
    expect(dl.zeros(2, 3).shape).toEqual([2, 3]);
    expect(dl.ones(4).tolist()).toEqual([1, 1, 1, 1]);
    expect(dl.zeros([]).shape).toEqual([]);
    expect(dl.zeros([0, 2]).numel()).toBe(0);
    expect(dl.empty(2, 2).tolist()).toEqual([[0, 0], [0, 0]]);
  });

  it('default to float32 and follow dtype and requiresGrad', () => {
    expect(dl.zeros([1]).dtype).toBe('float32');
    expect(dl.zeros([2], { dtype: 'int64' }).dtype).toBe('int32');
    expect(dl.ones([2], { dtype: 'bool' }).tolist()).toEqual([true, true]);
    const w = dl.ones([2], { requiresGrad: true });
    expect(w.requiresGrad).toBe(true);
    expect(w.isLeaf).toBe(true);
    expect(dl.empty([3], { dtype: 'int32' }).dtype).toBe('int32');
  });

  it('refuse negative and fractional sizes', () => {
    expect(() => dl.zeros([2, -1])).toThrow(ValueError);
    expect(() => dl.zeros([2, -1])).toThrow('zeros: trying to create tensor with negative dimension -1: [2, -1]');
    expect(() => dl.ones([1.5])).toThrow('ones: size must be an array of non-negative integers, got [1.5]');
    expect(() => dl.zeros('3' as unknown as number)).toThrow('zeros: size must be an array of non-negative integers, got [3]');
  });

  it('refuse requiresGrad on integer dtypes', () => {
    expect(() => dl.zeros([1], { dtype: 'int32', requiresGrad: true })).toThrow(DTypeError);
  });
});

describe('full', () => {
  it('fills with numbers (float32) and booleans (bool)', () => {
    expect(dl.full([2, 2], 7).tolist()).toEqual([[7, 7], [7, 7]]);
    expect(dl.full([2], 0.5).dtype).toBe('float32');
    expect(dl.full([3], true).tolist()).toEqual([true, true, true]);
    expect(dl.full([2], false).dtype).toBe('bool');
    expect(dl.full([2], 2.7, { dtype: 'int32' }).tolist()).toEqual([2, 2]);
    expect(dl.full([2], 3, { dtype: 'bool' }).tolist()).toEqual([true, true]);
    expect(dl.full(3, -Infinity).tolist()).toEqual([-Infinity, -Infinity, -Infinity]);
  });

  it('refuses non-numeric fill values', () => {
    expect(() => dl.full([2], 'x' as unknown as number)).toThrow(ValueError);
    expect(() => dl.full([2], 'x' as unknown as number)).toThrow('full: fillValue must be a number or a boolean, got string');
  });
});

describe('arange', () => {
  it('takes end, start/end or start/end/step', () => {
    expect(dl.arange(4).tolist()).toEqual([0, 1, 2, 3]);
    expect(dl.arange(2, 5).tolist()).toEqual([2, 3, 4]);
    expect(dl.arange(1, 2.5, 0.5).tolist()).toEqual([1, 1.5, 2]);
    expect(dl.arange(5, 0, -2).tolist()).toEqual([5, 3, 1]);
    expect(dl.arange(3, 3).tolist()).toEqual([]);
  });

  it('computes start + i * step like PyTorch (no drift)', () => {
    // torch.arange(0, 1, 0.1): 10 values, the 4th is float32(0.3).
    const y = dl.arange(0, 1, 0.1);
    expect(y.shape).toEqual([10]);
    expect((y.tolist() as number[])[3]).toBe(Math.fround(0.3));
  });

  it('is float32 unless a dtype is given', () => {
    expect(dl.arange(3).dtype).toBe('float32');
    const idx = dl.arange(5, { dtype: 'int64' });
    expect(idx.dtype).toBe('int32');
    expect(idx.tolist()).toEqual([0, 1, 2, 3, 4]);
    expect(dl.arange(0, 4, 2, { requiresGrad: true }).requiresGrad).toBe(true);
  });

  it('refuses a zero step, a step of the wrong sign and non-finite bounds', () => {
    expect(() => dl.arange(0, 10, 0)).toThrow(ValueError);
    expect(() => dl.arange(0, 10, 0)).toThrow('arange: step must be nonzero');
    expect(() => dl.arange(0, 10, -1)).toThrow('arange: upper bound and larger bound inconsistent with step sign (start 0, end 10, step -1)');
    expect(() => dl.arange(0, Infinity)).toThrow(/arange: unsupported range: 0 -> Infinity/);
    expect(() => dl.arange('5' as unknown as number)).toThrow('arange: start, end and step must be numbers, got string');
  });
});

describe('linspace and logspace', () => {
  it('include both ends', () => {
    expect(dl.linspace(-1, 1, 5).tolist()).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(dl.linspace(3, 3, 1).tolist()).toEqual([3]);
    expect(dl.linspace(0, 1, 0).tolist()).toEqual([]);
    expectClose(dl.linspace(0, 1, 10), [0, 1 / 9, 2 / 9, 3 / 9, 4 / 9, 5 / 9, 6 / 9, 7 / 9, 8 / 9, 1], 0, 1e-7);
    expect(dl.logspace(0, 2, 3).tolist()).toEqual([1, 10, 100]);
    expect(dl.logspace(0, 3, 4, { base: 2 }).tolist()).toEqual([1, 2, 4, 8]);
  });

  it('refuse negative or fractional steps', () => {
    expect(() => dl.linspace(0, 1, -1)).toThrow(ValueError);
    expect(() => dl.linspace(0, 1, -1)).toThrow('linspace: number of steps must be non-negative, got -1');
    expect(() => dl.logspace(0, 1, 2.5)).toThrow('logspace: steps must be an integer, got 2.5');
  });
});

describe('eye', () => {
  it('makes square and rectangular identities', () => {
    expect(dl.eye(2).tolist()).toEqual([[1, 0], [0, 1]]);
    expect(dl.eye(2, 3).tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(dl.eye(3, { dtype: 'bool' }).dtype).toBe('bool');
    expect(dl.eye(3, 2, { dtype: 'int32' }).tolist()).toEqual([[1, 0], [0, 1], [0, 0]]);
  });

  it('refuses negative sizes', () => {
    expect(() => dl.eye(-1)).toThrow(ValueError);
    expect(() => dl.eye(2, 1.5)).toThrow('eye: m must be a non-negative integer, got 1.5');
  });
});

describe('*Like', () => {
  const x = () => dl.tensor([[1, 2, 3]], { dtype: 'int32' });

  it('take shape and dtype from the input unless told otherwise', () => {
    expect(dl.zerosLike(x()).tolist()).toEqual([[0, 0, 0]]);
    expect(dl.zerosLike(x()).dtype).toBe('int32');
    expect(dl.onesLike(x(), { dtype: 'float32' }).dtype).toBe('float32');
    expect(dl.fullLike(x(), 9).tolist()).toEqual([[9, 9, 9]]);
    expect(dl.emptyLike(x()).shape).toEqual([1, 3]);
    expect(dl.randLike(dl.zeros([2, 2])).shape).toEqual([2, 2]);
    expect(dl.randnLike(dl.zeros([3])).dtype).toBe('float32');
    const r = dl.randintLike(x(), 5, 8);
    expect(r.dtype).toBe('int32');
    expect((r.tolist() as number[][])[0].every((v) => v >= 5 && v < 8)).toBe(true);
    expect((dl.randintLike(dl.zeros([50]), 3).tolist() as number[]).every((v) => Number.isInteger(v) && v >= 0 && v < 3)).toBe(true);
  });

  it('refuse random floats for an integer input unless a float dtype is given', () => {
    expect(() => dl.randLike(x())).toThrow(DTypeError);
    expect(() => dl.randLike(x())).toThrow('rand: expected a floating point dtype, got int32');
    expect(dl.randLike(x(), { dtype: 'float32' }).dtype).toBe('float32');
  });
});

describe('Tensor creation methods', () => {
  it('newZeros, newOnes, newFull, newEmpty and newTensor keep the dtype', () => {
    const i = dl.tensor([1], { dtype: 'int32' });
    expect(i.newZeros([2]).dtype).toBe('int32');
    expect(i.newOnes(2).tolist()).toEqual([1, 1]);
    expect(i.newFull([2], 4.5).tolist()).toEqual([4, 4]);
    expect(i.newEmpty([1, 2]).shape).toEqual([1, 2]);
    expect(i.newTensor([3.9, 2]).tolist()).toEqual([3, 2]);
    expect(i.newZeros([1], { dtype: 'float32' }).dtype).toBe('float32');
  });
});
