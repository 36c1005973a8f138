import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { DTypeError } from '../../index';

describe('to', () => {
  it('truncates floats toward zero when converting to int', () => {
    const y = dl.tensor([1.7, -1.7, 0.2]).to('int64');
    expect(y.dtype).toBe('int32');
    expect(y.tolist()).toEqual([1, -1, 0]);
  });

  it('converts to bool as x != 0 (also on backends whose Cast to bool is unreliable)', () => {
    expect(dl.tensor([0, 2.5, -3, 0.1]).to('bool').tolist()).toEqual([false, true, true, true]);
    expect(dl.tensor([0, 7], { dtype: 'int32' }).bool().tolist()).toEqual([false, true]);
  });

  it('converts int and bool to float', () => {
    expect(dl.tensor([true, false]).float().tolist()).toEqual([1, 0]);
    expect(dl.tensor([3, -4], { dtype: 'int32' }).to('float').dtype).toBe('float32');
  });

  it('takes the dtype of another tensor', () => {
    expect(dl.tensor([1.5]).to(dl.tensor([1], { dtype: 'int32' })).dtype).toBe('int32');
  });

  it('returns the same tensor when nothing changes, a copy with copy: true', () => {
    const x = dl.tensor([1, 2]);
    expect(x.to('float32')).toBe(x);
    const c = x.to('float32', { copy: true });
    expect(c).not.toBe(x);
    expect(c.tolist()).toEqual([1, 2]);
  });

  it('refuses unknown dtype names', () => {
    expect(() => dl.tensor([1]).to('complex64' as 'float32')).toThrow(DTypeError);
    expect(() => dl.tensor([1]).to('complex64' as 'float32')).toThrow("to: unknown dtype 'complex64'");
  });
});

describe('float, int, long, bool, type', () => {
  it('convert like PyTorch', () => {
    const x = dl.tensor([2.9, -0.5]);
    expect(x.int().tolist()).toEqual([2, 0]);
    expect(x.long().dtype).toBe('int32');
    expect(x.bool().tolist()).toEqual([true, true]);
    expect(x.int().float().tolist()).toEqual([2, 0]);
    expect(dl.toInt(x).tolist()).toEqual([2, 0]);
    expect(dl.toFloat(dl.tensor([true])).tolist()).toEqual([1]);
    expect(dl.toBool(dl.tensor([0])).tolist()).toEqual([false]);
  });

  it('type() names the PyTorch type, type(dtype) converts', () => {
    expect(dl.tensor([1]).type()).toBe('torch.FloatTensor');
    expect(dl.tensor([1], { dtype: 'int32' }).type()).toBe('torch.IntTensor');
    expect(dl.tensor([true]).type()).toBe('torch.BoolTensor');
    expect(dl.tensor([1.5]).type('int64').tolist()).toEqual([1]);
  });

  it('results of conversions to int or bool never require grad', () => {
    const x = dl.tensor([1.5], { requiresGrad: true });
    expect(x.int().requiresGrad).toBe(false);
    expect(x.bool().requiresGrad).toBe(false);
  });
});

describe('clone', () => {
  it('copies values, keeps the graph, and is independent of in-place changes', () => {
    const x = dl.tensor([1, 2], { requiresGrad: true });
    const c = x.clone();
    expect(c.gradFn!.name).toBe('CloneBackward');
    c.mul(3).sum().backward();
    expect(x.grad!.tolist()).toEqual([3, 3]);
    const y = dl.tensor([1, 2]);
    const z = y.clone();
    z.add_(10);
    expect(y.tolist()).toEqual([1, 2]);
    expect(z.tolist()).toEqual([11, 12]);
  });
});
