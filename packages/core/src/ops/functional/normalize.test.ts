import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ValueError, gradcheck, normalize, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('normalize', () => {
  it('matches PyTorch for p=2 along dim 1, with a zero row', () => {
    checkCase(cases.normalize_p2, (t) => normalize(t.x));
  });

  it('matches PyTorch for p=1, p=3 and p=Infinity along other dims', () => {
    checkCase(cases.normalize_p1_dim0, (t) => normalize(t.x, { p: 1, dim: 0 }));
    checkCase(cases.normalize_p3, (t) => normalize(t.x, { p: 3, dim: -1 }));
    checkCase(cases.normalize_pinf, (t) => normalize(t.x, { p: Infinity, dim: 1 }));
  });

  it('divides by eps when the norm is smaller', () => {
    expectClose(normalize(tensor([[3e-13, 4e-13]])), [0.3, 0.4]);
  });

  it('passes gradcheck for several orders', () => {
    const x = randn([3, 4], 41, { requiresGrad: true });
    for (const p of [2, 1.5, 3]) expect(gradcheck((a) => normalize(a, { p }), [x])).toBe(true);
    expect(gradcheck((a) => normalize(a, { dim: 0 }), [x])).toBe(true);
  });

  it('refuses a dim out of range, integer input and a non-numeric p', () => {
    expect(() => normalize(tensor([[1, 2]]), { dim: 2 })).toThrow(IndexError);
    expect(() => normalize(tensor([[1, 2]]), { dim: 2 })).toThrow('normalize: dimension out of range (expected to be in range of [-2, 1], but got 2)');
    expect(() => normalize(tensor([[1, 2]], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => normalize(tensor([[1, 2]]), { p: Number.NaN })).toThrow(ValueError);
    expect(() => normalize(tensor([[1, 2]]), { p: Number.NaN })).toThrow('normalize: p must be a number, got NaN');
  });
});
