import { describe, expect, it } from 'vitest';
import { ShapeError, broadcastTo, expand, expandAs, gradcheck, repeat, tensor, tile } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('expand / expandAs / broadcastTo', () => {
  it('broadcasts size-1 dims, keeping -1 sizes and adding leading dims', () => {
    expect(expand(tensor([[1], [2]]), [-1, 3]).tolist()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(tensor([1, 2]).expand(2, 2, -1).shape).toEqual([2, 2, 2]);
    expect(expandAs(tensor([1, 2]), testTensor([3, 2])).shape).toEqual([3, 2]);
    expect(broadcastTo(tensor([1, 2]), [2, 2]).tolist()).toEqual([[1, 2], [1, 2]]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.expand(4, 2, 3), [testTensor([2, 1], { requiresGrad: true })])).toBe(true);
  });

  it('refuses incompatible sizes', () => {
    expect(() => testTensor([2, 3]).expand(-1, 4)).toThrow(ShapeError);
    expect(() => testTensor([2, 3]).expand(-1, 4)).toThrow('expand: the expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1. Target sizes: [-1, 4]. Tensor sizes: [2, 3]');
    expect(() => testTensor([2, 3]).expand(3)).toThrow(/the number of sizes provided \(1\) must be greater or equal/);
    expect(() => testTensor([2]).expand(-1, 2)).toThrow(/-1 is not allowed in a leading, non-existing dimension 0/);
  });
});

describe('repeat / tile', () => {
  it('repeats like PyTorch', () => {
    expect(repeat(tensor([1, 2]), [2, 2]).tolist()).toEqual([[1, 2, 1, 2], [1, 2, 1, 2]]);
    expect(tensor([[1], [2]]).repeat(1, 3).tolist()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(tile(tensor([[1, 2]]), [2]).tolist()).toEqual([[1, 2, 1, 2]]);
    expect(tensor([1, 2]).tile(2, 1).tolist()).toEqual([[1, 2], [1, 2]]);
    expect(tensor([1, 2]).repeat(0, 1).shape).toEqual([0, 2]);
  });

  it('passes gradcheck, ranks above 4 included', () => {
    expect(gradcheck((t) => t.repeat(2, 1, 3), [testTensor([2, 2], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((t) => t.repeat(1, 2, 1, 1, 2), [testTensor([1, 2, 1, 2, 1], { requiresGrad: true })])).toBe(true);
  });

  it('refuses too few or negative repeats', () => {
    expect(() => repeat(testTensor([2, 2]), [2])).toThrow(ShapeError);
    expect(() => repeat(testTensor([2, 2]), [2])).toThrow('repeat: number of repeat dims (1) can not be smaller than number of dimensions of tensor (2, shape [2, 2])');
    expect(() => tile(testTensor([2]), [-1])).toThrow('tile: repeats must be non-negative integers (got [-1])');
  });
});
