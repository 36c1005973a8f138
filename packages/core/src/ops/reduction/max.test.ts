import { describe, expect, it } from 'vitest';
import { IndexError, ValueError, amax, amin, argmax, argmin, gradcheck, max, min, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('max / min', () => {
  const x = tensor([[1, 5, 3], [7, 2, 7]]);

  it('reduces all elements to a 0-d tensor', () => {
    expect(max(x).item()).toBe(7);
    expect(max(x).shape).toEqual([]);
    expect(x.min().item()).toBe(1);
    expect(tensor([1, 4], { dtype: 'int32' }).max().dtype).toBe('int32');
    expect(tensor([true, false]).max().tolist()).toBe(true);
  });

  it('returns values and indices along a dim', () => {
    const r = max(x, 1);
    expect(r.values.tolist()).toEqual([5, 7]);
    expect(r.indices.tolist()).toEqual([1, 0]);
    expect(r.indices.dtype).toBe('int32');
    const k = x.min({ dim: 0, keepdim: true });
    expect(k.values.tolist()).toEqual([[1, 2, 3]]);
    expect(k.indices.tolist()).toEqual([[0, 1, 0]]);
    expect(x.max(-1, { keepdim: true }).values.shape).toEqual([2, 1]);
    expect(tensor(3).max(0).indices.item()).toBe(0);
  });

  it('takes the elementwise maximum/minimum of two tensors', () => {
    expect(max(tensor([1, 5]), tensor([3, 2])).tolist()).toEqual([3, 5]);
    expect(x.min(tensor([2])).tolist()).toEqual([[1, 2, 2], [2, 2, 2]]);
  });

  it('shares the all-element gradient between ties and sends dim gradients to the index', () => {
    const a = tensor([[1, 7], [7, 2]], { requiresGrad: true });
    max(a).backward();
    expect(a.grad!.tolist()).toEqual([[0, 0.5], [0.5, 0]]);
    const b = tensor([[1, 7], [7, 7]], { requiresGrad: true });
    b.max(1).values.sum().backward();
    expect(b.grad!.tolist()).toEqual([[0, 1], [1, 0]]);
  });

  it('passes gradcheck', () => {
    const a = testTensor([3, 4], { requiresGrad: true });
    expect(gradcheck((t) => t.max(), [a])).toBe(true);
    expect(gradcheck((t) => t.max(1).values, [a])).toBe(true);
    expect(gradcheck((t) => t.min(0, { keepdim: true }).values, [a])).toBe(true);
  });

  it('refuses empty inputs and bad dims', () => {
    expect(() => max(tensor([]))).toThrow(ValueError);
    expect(() => max(tensor([]))).toThrow(/max: expected reduction dim to be specified for input.numel\(\) == 0/);
    expect(() => tensor([[]]).min(1)).toThrow('min: expected reduction dim 1 to have non-zero size (input shape [1, 0])');
    expect(() => x.max(2)).toThrow(IndexError);
  });
});

describe('amax / amin', () => {
  const x = tensor([[1, 5, 3], [7, 2, 7]]);

  it('reduces over one or several dims', () => {
    expect(amax(x, 0).tolist()).toEqual([7, 5, 7]);
    expect(amin(x, { dim: [0, 1] }).item()).toBe(1);
    expect(x.amax(1, { keepdim: true }).tolist()).toEqual([[5], [7]]);
    expect(x.amin().item()).toBe(1);
  });

  it('shares gradients evenly between ties and passes gradcheck', () => {
    const a = tensor([[7, 1, 7]], { requiresGrad: true });
    amax(a, 1).sum().backward();
    expect(a.grad!.tolist()).toEqual([[0.5, 0, 0.5]]);
    expect(gradcheck((t) => t.amax([0, 2]), [testTensor([2, 3, 2], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((t) => t.amin(1), [testTensor([2, 3], { requiresGrad: true })])).toBe(true);
  });

  it('refuses reducing an empty dim', () => {
    expect(() => amax(tensor([[]]), 1)).toThrow('amax: expected reduction dim 1 to have non-zero size (input shape [1, 0])');
  });
});

describe('argmax / argmin', () => {
  const x = tensor([[1, 5, 3], [7, 2, 7]]);

  it('indexes the flattened input or along a dim, first among ties', () => {
    expect(argmax(x).item()).toBe(3);
    expect(argmax(x).dtype).toBe('int32');
    expect(x.argmax(1).tolist()).toEqual([1, 0]);
    expect(x.argmin({ dim: 0, keepdim: true }).tolist()).toEqual([[0, 1, 0]]);
    expect(argmin(x, -1).tolist()).toEqual([0, 1]);
    expect(x.argmax({ keepdim: true }).shape).toEqual([1, 1]);
    expect(tensor([16777217, 16777216], { dtype: 'int32' }).argmax().item()).toBe(0);
  });

  it('refuses empty inputs', () => {
    expect(() => argmax(tensor([]))).toThrow(ValueError);
    expect(() => argmin(tensor([[]]), 1)).toThrow('argmin: expected reduction dim 1 to have non-zero size (input shape [1, 0])');
  });
});

describe('NaN handling', () => {
  it('propagates NaN and points indices at it, like PyTorch', () => {
    const x = tensor([1, NaN, 3]);
    expect(Number.isNaN(max(x).item())).toBe(true);
    expect(Number.isNaN(min(x).item())).toBe(true);
    expect(argmax(x).item()).toBe(1);
    expect(argmin(x).item()).toBe(1);
    expect(max(x, 0).indices.item()).toBe(1);
    expect(tensor([[Infinity, NaN], [2, 1]]).argmax(1).tolist()).toEqual([1, 0]);
  });
});
