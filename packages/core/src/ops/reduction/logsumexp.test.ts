import { describe, expect, it } from 'vitest';
import { IndexError, all, any, gradcheck, logsumexp, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('logsumexp', () => {
  it('is stable for large and -inf inputs', () => {
    const r = logsumexp(tensor([[0, 0], [1000, 1000]]), 1).tolist() as number[];
    expect(r[0]).toBeCloseTo(Math.LN2, 5);
    expect(r[1]).toBeCloseTo(1000 + Math.LN2, 3);
    expect(logsumexp(tensor([-Infinity, -Infinity]), 0).item()).toBe(-Infinity);
    expect(tensor([[1, 2]]).logsumexp(1, { keepdim: true }).shape).toEqual([1, 1]);
    expect(logsumexp(tensor([1, 2], { dtype: 'int32' }), 0).dtype).toBe('float32');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((t) => t.logsumexp(1), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
    expect(gradcheck((t) => t.logsumexp([0, 1]), [testTensor([3, 4], { requiresGrad: true })])).toBe(true);
  });

  it('refuses out-of-range dims', () => {
    expect(() => logsumexp(tensor([1]), 3)).toThrow(IndexError);
  });
});

describe('all / any', () => {
  it('reduces to bool over all or some dims', () => {
    const b = tensor([[true, false], [true, true]]);
    expect(all(b).tolist()).toBe(false);
    expect(all(b, 1).tolist()).toEqual([false, true]);
    expect(b.any(0, { keepdim: true }).tolist()).toEqual([[true, true]]);
    expect(any(tensor([0, 0, 3])).tolist()).toBe(true);
    expect(all(tensor([1, 2], { dtype: 'int32' })).dtype).toBe('bool');
    expect(all(tensor([])).tolist()).toBe(true);
    expect(any(tensor([])).tolist()).toBe(false);
  });

  it('refuses out-of-range dims', () => {
    expect(() => any(tensor([true]), 1)).toThrow('any: dimension out of range (expected to be in range of [-1, 0], but got 1)');
  });
});
