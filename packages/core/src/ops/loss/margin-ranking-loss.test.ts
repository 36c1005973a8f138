import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, gradcheck, marginRankingLoss, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('marginRankingLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with margin 0.3, reduction '${reduction}' (gradients of all three)`, () => {
      checkCase(cases[`margin_ranking_${reduction}`], (t) => marginRankingLoss(t.input1, t.input2, t.target, { margin: 0.3, reduction }));
    });
  }

  it('accepts integer targets', () => {
    expectClose(marginRankingLoss(tensor([1, 0]), tensor([0, 1]), tensor([1, 1], { dtype: 'int32' })), [0.5]);
  });

  it('passes gradcheck', () => {
    const a = randn([5], 1, { requiresGrad: true });
    const b = randn([5], 2, { requiresGrad: true });
    expect(gradcheck((x, y) => marginRankingLoss(x, y, tensor([1, -1, 1, -1, 1]), { margin: 0.1 }), [a, b])).toBe(true);
  });

  it('refuses mismatched shapes and bool targets', () => {
    expect(() => marginRankingLoss(randn([3], 1), randn([2], 1), randn([3], 1))).toThrow(ShapeError);
    expect(() => marginRankingLoss(randn([3], 1), randn([2], 1), randn([3], 1))).toThrow(
      'marginRankingLoss: input2 of shape [2] does not match input of shape [3] (they must be the same shape)',
    );
    expect(() => marginRankingLoss(randn([3], 1), randn([3], 1), randn([1], 1))).toThrow(
      'marginRankingLoss: target of shape [1] does not match input of shape [3] (they must be the same shape)',
    );
    expect(() => marginRankingLoss(randn([1], 1), randn([1], 1), tensor([true]))).toThrow(DTypeError);
    expect(() => marginRankingLoss(randn([1], 1), randn([1], 1), tensor([true]))).toThrow('marginRankingLoss: expected target of dtype float32 or int32, got bool');
  });
});
