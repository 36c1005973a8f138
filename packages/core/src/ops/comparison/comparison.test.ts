import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { DTypeError, ShapeError, Tensor, ValueError } from '../../index';

describe('eq, ne, lt, le, gt, ge', () => {
  const a = () => dl.tensor([1, 2, 3]);

  it('compare with numbers and tensors, giving bool', () => {
    expect(dl.eq(a(), 2).tolist()).toEqual([false, true, false]);
    expect(dl.ne(a(), 2).tolist()).toEqual([true, false, true]);
    expect(dl.lt(a(), 2).tolist()).toEqual([true, false, false]);
    expect(dl.le(a(), 2).tolist()).toEqual([true, true, false]);
    expect(dl.gt(a(), 2).tolist()).toEqual([false, false, true]);
    expect(dl.ge(a(), 2).tolist()).toEqual([false, true, true]);
    expect(dl.gt(2, a()).tolist()).toEqual([true, false, false]);
    expect(dl.eq(a(), dl.tensor([1, 0, 3])).dtype).toBe('bool');
  });

  it('broadcast and promote (int against float)', () => {
    const y = dl.lt(dl.tensor([[1], [2]], { dtype: 'int32' }), dl.tensor([1.5, 2.5]));
    expect(y.tolist()).toEqual([[true, true], [false, true]]);
    expect(dl.eq(dl.tensor([1, 2], { dtype: 'int32' }), 1.5).tolist()).toEqual([false, false]);
  });

  it('order bool as false < true', () => {
    expect(dl.lt(dl.tensor([false, true]), dl.tensor([true, true])).tolist()).toEqual([true, false]);
    expect(dl.eq(dl.tensor([false, true]), dl.tensor([true, true])).tolist()).toEqual([false, true]);
  });

  it('treat NaN as unequal to everything', () => {
    expect(dl.eq(dl.tensor([NaN]), dl.tensor([NaN])).tolist()).toEqual([false]);
    expect(dl.ne(dl.tensor([NaN]), dl.tensor([NaN])).tolist()).toEqual([true]);
  });

  it('have aliases and Tensor methods', () => {
    const x = a();
    expect(x.eq(2).tolist()).toEqual(dl.eq(x, 2).tolist());
    expect(x.ne(2).tolist()).toEqual(dl.notEqual(x, 2).tolist());
    expect(x.lt(2).tolist()).toEqual(dl.less(x, 2).tolist());
    expect(x.le(2).tolist()).toEqual(dl.lessEqual(x, 2).tolist());
    expect(x.gt(2).tolist()).toEqual(dl.greater(x, 2).tolist());
    expect(x.ge(2).tolist()).toEqual(dl.greaterEqual(x, 2).tolist());
    expect(x.notEqual(1).tolist()).toEqual([false, true, true]);
    expect(x.less(2).tolist()).toEqual([true, false, false]);
    expect(x.lessEqual(2).tolist()).toEqual([true, true, false]);
    expect(x.greater(2).tolist()).toEqual([false, false, true]);
    expect(x.greaterEqual(2).tolist()).toEqual([false, true, true]);
  });

  it('never require grad', () => {
    const x = dl.tensor([1, 2], { requiresGrad: true });
    expect(x.gt(1).requiresGrad).toBe(false);
  });

  it('name the op and both shapes when shapes do not broadcast', () => {
    expect(() => dl.lt(dl.ones([2, 3]), dl.ones([2]))).toThrow(ShapeError);
    expect(() => dl.lt(dl.ones([2, 3]), dl.ones([2]))).toThrow(/lt: shapes \[2, 3\] and \[2\] cannot be broadcast/);
  });
});

describe('equal', () => {
  it('is true only for the same shape and elements', () => {
    expect(dl.equal(dl.tensor([1, 2]), dl.tensor([1, 2]))).toBe(true);
    expect(dl.equal(dl.tensor([1, 2]), dl.tensor([1, 3]))).toBe(false);
    expect(dl.equal(dl.tensor([1, 2]), dl.tensor([[1, 2]]))).toBe(false);
    expect(dl.equal(dl.tensor([NaN]), dl.tensor([NaN]))).toBe(false);
    expect(dl.tensor([1]).equal(dl.tensor([1]))).toBe(true);
    expect(dl.equal(dl.zeros([0]), dl.zeros([0]))).toBe(true);
  });

  it('names the bad argument', () => {
    expect(() => dl.equal(dl.ones([1]), [1] as unknown as Tensor)).toThrow(ValueError);
    expect(() => dl.equal(dl.ones([1]), [1] as unknown as Tensor)).toThrow('equal: expected other to be a Tensor, got an array');
  });
});

describe('isclose and allclose', () => {
  it('use atol + rtol * |other|', () => {
    expect(dl.isclose(dl.tensor([1, 2, 100]), dl.tensor([1 + 1e-7, 2.1, 100.0005])).tolist()).toEqual([true, false, true]);
    expect(dl.isclose(dl.tensor([1]), dl.tensor([1.05]), { rtol: 0, atol: 0.1 }).tolist()).toEqual([true]);
  });

  it('treat equal infinities as close and NaN only with equalNan', () => {
    expect(dl.isclose(dl.tensor([Infinity, -Infinity, NaN]), dl.tensor([Infinity, Infinity, NaN])).tolist()).toEqual([true, false, false]);
    expect(dl.isclose(dl.tensor([NaN]), dl.tensor([NaN]), { equalNan: true }).tolist()).toEqual([true]);
    expect(dl.allclose(dl.tensor([NaN, 1]), dl.tensor([NaN, 1]), { equalNan: true })).toBe(true);
  });

  it('allclose answers with a boolean and broadcasts', () => {
    expect(dl.allclose(dl.tensor([1, 2]), dl.tensor([1, 2.000001]))).toBe(true);
    expect(dl.allclose(dl.tensor([[1, 1]]), 1)).toBe(true);
    expect(dl.tensor([1]).allclose(dl.tensor([2]))).toBe(false);
    expect(dl.tensor([1]).isclose(dl.tensor([1])).tolist()).toEqual([true]);
  });

  it('compare integers exactly', () => {
    expect(dl.isclose(dl.tensor([5], { dtype: 'int32' }), dl.tensor([5], { dtype: 'int32' })).tolist()).toEqual([true]);
  });

  it('refuse negative tolerances', () => {
    expect(() => dl.isclose(dl.ones([1]), dl.ones([1]), { rtol: -1 })).toThrow(ValueError);
    expect(() => dl.isclose(dl.ones([1]), dl.ones([1]), { rtol: -1 })).toThrow('isclose: rtol must be greater than or equal to zero, but got -1');
    expect(() => dl.allclose(dl.ones([1]), dl.ones([1]), { atol: -1 })).toThrow('isclose: atol must be greater than or equal to zero, but got -1');
  });
});

describe('isnan, isinf, isfinite', () => {
  const x = () => dl.tensor([1, NaN, Infinity, -Infinity]);

  it('test float values', () => {
    expect(dl.isnan(x()).tolist()).toEqual([false, true, false, false]);
    expect(dl.isinf(x()).tolist()).toEqual([false, false, true, true]);
    expect(dl.isfinite(x()).tolist()).toEqual([true, false, false, false]);
    expect(x().isnan().tolist()).toEqual([false, true, false, false]);
    expect(x().isinf().tolist()).toEqual([false, false, true, true]);
    expect(x().isfinite().tolist()).toEqual([true, false, false, false]);
  });

  it('call integers and bools finite and never NaN', () => {
    const i = dl.tensor([-7, 0, 2147483647], { dtype: 'int32' });
    expect(dl.isnan(i).tolist()).toEqual([false, false, false]);
    expect(dl.isinf(i).tolist()).toEqual([false, false, false]);
    expect(dl.isfinite(dl.tensor([true, false])).tolist()).toEqual([true, true]);
  });
});

describe('logical ops', () => {
  it('treat non-zero as true and broadcast', () => {
    expect(dl.logicalAnd(dl.tensor([1, 0, 2]), dl.tensor([true, true, false])).tolist()).toEqual([true, false, false]);
    expect(dl.logicalOr(dl.tensor([0, 0, 3]), dl.tensor([0, 1, 0])).tolist()).toEqual([false, true, true]);
    expect(dl.logicalXor(dl.tensor([[true], [false]]), dl.tensor([true, false])).tolist()).toEqual([[false, true], [true, false]]);
    expect(dl.logicalNot(dl.tensor([0, 2], { dtype: 'int32' })).tolist()).toEqual([true, false]);
    expect(dl.logicalAnd(dl.tensor([1, 0]), true).tolist()).toEqual([true, false]);
  });

  it('have Tensor methods', () => {
    const t = dl.tensor([true, false]);
    expect(t.logicalAnd(dl.tensor([true, true])).tolist()).toEqual([true, false]);
    expect(t.logicalOr(dl.tensor([false, false])).tolist()).toEqual([true, false]);
    expect(t.logicalXor(dl.tensor([true, true])).tolist()).toEqual([false, true]);
    expect(t.logicalNot().tolist()).toEqual([false, true]);
  });

  it('name the op on a shape mismatch', () => {
    expect(() => dl.logicalOr(dl.ones([2]), dl.ones([3]))).toThrow(/logicalOr: shapes \[2\] and \[3\] cannot be broadcast/);
  });
});

describe('bitwiseNot', () => {
  it('inverts bool and complements integers', () => {
    expect(dl.bitwiseNot(dl.tensor([true, false])).tolist()).toEqual([false, true]);
    expect(dl.tensor([0, 5, -1], { dtype: 'int32' }).bitwiseNot().tolist()).toEqual([-1, -6, 0]);
  });

  it('refuses float tensors', () => {
    expect(() => dl.bitwiseNot(dl.ones([1]))).toThrow(DTypeError);
    expect(() => dl.bitwiseNot(dl.ones([1]))).toThrow('bitwiseNot: not implemented for float32 tensors (expected bool or int32)');
  });
});
