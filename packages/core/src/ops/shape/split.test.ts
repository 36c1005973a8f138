import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError, chunk, gradcheck, narrow, select, split, stack, tensor, unbind } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const arange = (n: number) => tensor(Array.from({ length: n }, (_, i) => i));

describe('split / chunk', () => {
  it('splits by a size or by sizes', () => {
    expect(split(arange(5), 2).map((p) => p.tolist())).toEqual([[0, 1], [2, 3], [4]]);
    expect(split(testTensor([2, 5]), [1, 4], 1).map((p) => p.shape)).toEqual([[2, 1], [2, 4]]);
    expect(arange(4).split(4).length).toBe(1);
  });

  it('chunks like PyTorch, possibly into fewer pieces', () => {
    expect(chunk(arange(5), 3).map((p) => p.tolist())).toEqual([[0, 1], [2, 3], [4]]);
    expect(arange(6).chunk(4).map((p) => p.shape)).toEqual([[2], [2], [2]]);
    expect(tensor([]).chunk(3).map((p) => p.shape)).toEqual([[0], [0], [0]]);
  });

  it('passes gradcheck when pieces are recombined', () => {
    const a = testTensor([3, 5], { requiresGrad: true });
    expect(gradcheck((t) => { const [p, q] = t.split([2, 3], 1); return p.sum(1).mul(q.sum(1)); }, [a])).toBe(true);
  });

  it('refuses bad sizes', () => {
    expect(() => split(arange(5), [2, 2])).toThrow(ShapeError);
    expect(() => split(arange(5), [2, 2])).toThrow('split: split sizes [2, 2] must sum exactly to 5 (the size of dimension 0 of shape [5]), but sum to 4');
    expect(() => split(arange(5), 0)).toThrow(ValueError);
    expect(() => chunk(arange(5), 0)).toThrow('chunk: chunks must be a positive integer (got 0)');
    expect(() => split(arange(5), 2, 1)).toThrow(IndexError);
  });
});

describe('narrow / select / unbind', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);

  it('slices', () => {
    expect(narrow(x, 1, 1, 2).tolist()).toEqual([[2, 3], [5, 6]]);
    expect(x.narrow(-1, -2, 2).tolist()).toEqual([[2, 3], [5, 6]]);
    expect(select(x, 1, -1).tolist()).toEqual([3, 6]);
    expect(x.select(0, 1).tolist()).toEqual([4, 5, 6]);
    expect(unbind(x, 1).map((p) => p.tolist())).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('passes gradcheck', () => {
    const a = testTensor([3, 4], { requiresGrad: true });
    expect(gradcheck((t) => t.narrow(1, 1, 2), [a])).toBe(true);
    expect(gradcheck((t) => t.select(0, -1), [a])).toBe(true);
    expect(gradcheck((t) => stack(t.unbind(1).reverse()), [a])).toBe(true);
  });

  it('refuses out-of-range starts, lengths and indices', () => {
    expect(() => narrow(x, 1, 4, 1)).toThrow(IndexError);
    expect(() => narrow(x, 1, 4, 1)).toThrow('narrow: start out of range (expected to be in range of [-3, 3], but got 4) for dimension 1 of size 3');
    expect(() => narrow(x, 1, 2, 2)).toThrow(ValueError);
    expect(() => narrow(x, 1, 2, 2)).toThrow('narrow: start (2) + length (2) exceeds dimension size (3) of dimension 1 in shape [2, 3]');
    expect(() => select(x, 0, 2)).toThrow(IndexError);
    expect(() => select(x, 0, 2)).toThrow('select: index 2 out of range for tensor of size [2, 3] at dimension 0');
    expect(() => select(x, 2, 0)).toThrow(IndexError);
    expect(() => unbind(tensor(1))).toThrow(ShapeError);
  });
});
