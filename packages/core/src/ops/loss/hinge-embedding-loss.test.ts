import { describe, expect, it } from 'vitest';
import { ShapeError, gradcheck, hingeEmbeddingLoss, tensor } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('hingeEmbeddingLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with margin 0.8, reduction '${reduction}'`, () => {
      checkCase(cases[`hinge_embedding_${reduction}`], (t) => hingeEmbeddingLoss(t.input, t.target, { margin: 0.8, reduction }));
    });
  }

  it('matches PyTorch for targets other than 1 and -1', () => {
    checkCase(cases.hinge_embedding_other_targets, (t) => hingeEmbeddingLoss(t.input, t.target));
  });

  it('passes gradcheck', () => {
    const x = randn([2, 5], 1, { requiresGrad: true });
    const y = tensor([[1, -1, 1, -1, -1], [-1, 1, -1, 1, 1]]);
    expect(gradcheck((a) => hingeEmbeddingLoss(a, y, { margin: 0.5 }), [x])).toBe(true);
  });

  it('refuses mismatched shapes', () => {
    expect(() => hingeEmbeddingLoss(randn([3], 1), randn([3, 1], 1))).toThrow(ShapeError);
    expect(() => hingeEmbeddingLoss(randn([3], 1), randn([3, 1], 1))).toThrow(
      'hingeEmbeddingLoss: target of shape [3, 1] does not match input of shape [3] (they must be the same shape)',
    );
  });
});
