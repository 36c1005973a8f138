import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, tripletMarginLoss } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('tripletMarginLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with reduction '${reduction}' (gradients of all three)`, () => {
      checkCase(cases[`triplet_${reduction}`], (t) => tripletMarginLoss(t.anchor, t.positive, t.negative, { reduction }));
    });
  }

  it('matches PyTorch with the distance swap and p=1, and on 1-D inputs', () => {
    checkCase(cases.triplet_swap_p1, (t) => tripletMarginLoss(t.anchor, t.positive, t.negative, { margin: 2, p: 1, swap: true }));
    checkCase(cases.triplet_1d, (t) => tripletMarginLoss(t.anchor, t.positive, t.negative, { margin: 3 }));
  });

  it('passes gradcheck', () => {
    const [a, p, n] = [1, 2, 3].map((s) => randn([4, 3], s, { requiresGrad: true }));
    expect(gradcheck((x, y, z) => tripletMarginLoss(x, y, z, { margin: 2 }), [a, p, n])).toBe(true);
    expect(gradcheck((x, y, z) => tripletMarginLoss(x, y, z, { margin: 2, swap: true }), [a, p, n])).toBe(true);
  });

  it('refuses inputs of different ranks and a non-finite margin', () => {
    expect(() => tripletMarginLoss(randn([4, 3], 1), randn([3], 1), randn([4, 3], 1))).toThrow(ShapeError);
    expect(() => tripletMarginLoss(randn([4, 3], 1), randn([3], 1), randn([4, 3], 1))).toThrow(
      'tripletMarginLoss: the anchor, positive and negative tensors must have the same number of dimensions, got 2-D, 1-D and 2-D inputs',
    );
    expect(() => tripletMarginLoss(randn([3], 1), randn([3], 1), randn([3], 1), { margin: Number.NaN })).toThrow(ValueError);
    expect(() => tripletMarginLoss(randn([3], 1), randn([3], 1), randn([3], 1), { margin: Infinity })).toThrow(
      'tripletMarginLoss: margin must be a finite number, got Infinity',
    );
  });
});
