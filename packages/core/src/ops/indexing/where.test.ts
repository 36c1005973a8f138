import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, gradcheck, maskedFill, maskedSelect, nonzero, tensor, where } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('where', () => {
  it('picks with broadcasting and promotion', () => {
    const c = tensor([true, false, true]);
    expect(where(c, tensor([1, 2, 3]), 0).tolist()).toEqual([1, 0, 3]);
    expect(where(tensor([[true], [false]]), tensor([1, 2]), tensor([5])).tolist()).toEqual([[1, 2], [5, 5]]);
    expect(where(c, tensor([1, 2, 3], { dtype: 'int32' }), 0.5).dtype).toBe('float32');
    expect(tensor([1, 2, 3]).where(c, -1).tolist()).toEqual([1, -1, 3]);
    expect(where(tensor([[false, true], [true, false]])).map((t) => t.tolist())).toEqual([[0, 1], [1, 0]]);
  });

  it('passes gradcheck for both branches', () => {
    const c = tensor([[true, false, true], [false, false, true]]);
    const a = testTensor([2, 3], { requiresGrad: true });
    const b = testTensor([3], { requiresGrad: true, seed: 4 });
    expect(gradcheck((x, y) => where(c, x, y), [a, b])).toBe(true);
  });

  it('refuses non-bool conditions and mismatched shapes', () => {
    expect(() => where(tensor([1, 0]), 1, 2)).toThrow(DTypeError);
    expect(() => where(tensor([1, 0]), 1, 2)).toThrow('where: expected condition to be a boolean tensor (got float32)');
    expect(() => where(tensor([true, false]), tensor([1, 2, 3]), 0)).toThrow(ShapeError);
  });
});

describe('maskedFill', () => {
  it('fills where the mask is true, with a number or a 0-d tensor', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(maskedFill(x, tensor([true, false]), -1).tolist()).toEqual([[-1, 2], [-1, 4]]);
    expect(x.maskedFill(tensor([[false, true], [true, false]]), tensor(9)).tolist()).toEqual([[1, 9], [9, 4]]);
    expect(tensor([1, 2], { dtype: 'int32' }).maskedFill(tensor([true, false]), 7.9).tolist()).toEqual([7, 2]);
  });

  it('sends gradients to unmasked input and to the value tensor', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const v = tensor(5, { requiresGrad: true });
    maskedFill(x, tensor([true, false, true]), v).sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 1, 0]);
    expect(v.grad!.item()).toBe(2);
    expect(gradcheck((a) => a.maskedFill(tensor([true, false, true]), 0.5), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses non-bool masks and non-scalar values', () => {
    expect(() => maskedFill(tensor([1]), tensor([1]), 0)).toThrow(DTypeError);
    expect(() => maskedFill(tensor([1]), tensor([true]), tensor([1, 2]))).toThrow('maskedFill: only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s) (shape [2])');
  });
});

describe('maskedSelect / nonzero', () => {
  it('selects masked elements in row-major order', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(maskedSelect(x, tensor([false, true])).tolist()).toEqual([2, 4]);
    expect(x.maskedSelect(x.gt(10)).shape).toEqual([0]);
  });

  it('finds non-zero coordinates', () => {
    expect(nonzero(tensor([[1, 0], [0, 2]])).tolist()).toEqual([[0, 0], [1, 1]]);
    expect(tensor([0, 3, 0, 4]).nonzero().tolist()).toEqual([[1], [3]]);
    expect(tensor([0, 0]).nonzero().shape).toEqual([0, 1]);
    const big = tensor(Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? 1 : 0)));
    const nz = big.nonzero().reshape(-1).tolist() as number[];
    expect(nz).toEqual(Array.from({ length: 143 }, (_, i) => i * 7));
    expect(nonzero(tensor([[0, 5], [6, 0]]), { asTuple: true }).map((t) => t.tolist())).toEqual([[0, 1], [1, 0]]);
  });

  it('passes gradcheck', () => {
    const m = tensor([[true, false, true], [false, true, true]]);
    expect(gradcheck((a) => a.maskedSelect(m), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses non-bool masks', () => {
    expect(() => maskedSelect(tensor([1]), tensor([1]))).toThrow('maskedSelect: expected mask to have dtype bool (got float32)');
  });
});
