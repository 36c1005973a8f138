import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, gradcheck, pairwiseDistance, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('pairwiseDistance', () => {
  it('matches PyTorch for p=2', () => {
    checkCase(cases.pairwise_distance_p2, (t) => pairwiseDistance(t.x1, t.x2));
  });

  it('matches PyTorch for p=1 with keepdim and broadcasting, and for p=3 on 3-D input', () => {
    checkCase(cases.pairwise_distance_p1_keepdim, (t) => pairwiseDistance(t.x1, t.x2, { p: 1, keepdim: true }));
    checkCase(cases.pairwise_distance_p3, (t) => pairwiseDistance(t.x1, t.x2, { p: 3, eps: 1e-4 }));
  });

  it('reduces 1-D input to a scalar', () => {
    const d = pairwiseDistance(tensor([0, 0]), tensor([3, 4]), { eps: 0 });
    expect(d.shape).toEqual([]);
    expectClose(d, [5]);
  });

  it('passes gradcheck for several orders', () => {
    const a = randn([3, 4], 61, { requiresGrad: true });
    const b = randn([3, 4], 62, { requiresGrad: true });
    for (const p of [2, 1, 3, Infinity]) expect(gradcheck((x, y) => pairwiseDistance(x, y, { p }), [a, b])).toBe(true);
  });

  it('refuses shapes that do not broadcast and integer input', () => {
    expect(() => pairwiseDistance(randn([2, 3], 1), randn([3, 3], 1))).toThrow(ShapeError);
    expect(() => pairwiseDistance(randn([2, 3], 1), randn([3, 3], 1))).toThrow('pairwiseDistance: shapes [2, 3] and [3, 3] cannot be broadcast');
    expect(() => pairwiseDistance(tensor([1], { dtype: 'int32' }), randn([1], 1))).toThrow(DTypeError);
    expect(() => pairwiseDistance(tensor([1], { dtype: 'int32' }), randn([1], 1))).toThrow('pairwiseDistance: expected float32 inputs, got int32 and float32');
    expect(() => pairwiseDistance(randn([1], 1), randn([1], 1), { p: Number.NaN })).toThrow('pairwiseDistance: p must be a number, got NaN');
  });
});
