import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, contiguous, dstack, flip, fliplr, gradcheck, hstack, roll, tensor, vstack } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('flip', () => {
  it('reverses along dims', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(flip(x, [1]).tolist()).toEqual([[2, 1], [4, 3]]);
    expect(x.flip(0, 1).tolist()).toEqual([[4, 3], [2, 1]]);
    expect(fliplr(x).tolist()).toEqual([[2, 1], [4, 3]]);
    expect(x.flipud().tolist()).toEqual([[3, 4], [1, 2]]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.flip(-1), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses repeated dims and bad ranks', () => {
    expect(() => flip(tensor([1]), [0, -1])).toThrow(ValueError);
    expect(() => flip(tensor([1]), [0, -1])).toThrow('flip: dims [0, -1] has a repeated dim');
    expect(() => fliplr(tensor([1]))).toThrow('fliplr: input must be >= 2-d (got shape [1])');
    expect(() => flip(tensor([1]), 1)).toThrow(IndexError);
  });
});

describe('roll', () => {
  const x = tensor([[0, 1, 2], [3, 4, 5]]);

  it('rolls along dims or over the flattened tensor (PyTorch 1.13 values)', () => {
    expect(roll(tensor([1, 2, 3, 4]), 1).tolist()).toEqual([4, 1, 2, 3]);
    expect(x.roll([1, -1], [0, 1]).tolist()).toEqual([[4, 5, 3], [1, 2, 0]]);
    expect(x.roll(2).tolist()).toEqual([[4, 5, 0], [1, 2, 3]]);
    expect(x.roll(7, 1).tolist()).toEqual([[2, 0, 1], [5, 3, 4]]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => a.roll([1, -2], [0, 1]), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((a) => a.roll(5), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
  });

  it('refuses misaligned shifts and dims', () => {
    expect(() => x.roll([1, 2], 0)).toThrow(ShapeError);
    expect(() => x.roll([1, 2], 0)).toThrow('roll: shifts and dims must align (got shifts [1, 2] and dims [0])');
    expect(() => x.roll([1, 2])).toThrow('roll: without dims, shifts must be a single number (got [1, 2])');
  });
});

describe('hstack / vstack / dstack / contiguous', () => {
  it('stacks like NumPy', () => {
    expect(hstack([tensor([1, 2]), tensor([3])]).tolist()).toEqual([1, 2, 3]);
    expect(hstack([testTensor([2, 1]), testTensor([2, 2])]).shape).toEqual([2, 3]);
    expect(vstack([tensor([1, 2]), tensor([3, 4])]).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(dstack([tensor([1, 2]), tensor([3, 4])]).shape).toEqual([1, 2, 2]);
    const y = tensor([1]);
    expect(contiguous(y)).toBe(y);
    expect(y.contiguous()).toBe(y);
  });

  it('refuses empty lists', () => {
    expect(() => vstack([])).toThrow(ValueError);
    expect(() => hstack([])).toThrow('hstack: expected a non-empty list of Tensors');
  });

  it('passes gradcheck', () => {
    const a = testTensor([2], { requiresGrad: true });
    const b = testTensor([2], { requiresGrad: true, seed: 2 });
    expect(gradcheck((p, q) => vstack([p, q]), [a, b])).toBe(true);
  });
});
