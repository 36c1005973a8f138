import { describe, expect, it } from 'vitest';
import { ShapeError, cosineEmbeddingLoss, gradcheck, tensor } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('cosineEmbeddingLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with margin -0.2, reduction '${reduction}'`, () => {
      checkCase(cases[`cosine_embedding_${reduction}`], (t) => cosineEmbeddingLoss(t.input1, t.input2, t.target, { margin: -0.2, reduction }));
    });
  }

  it('matches PyTorch on 1-D inputs with a 0-d target', () => {
    checkCase(cases.cosine_embedding_1d, (t) => cosineEmbeddingLoss(t.input1, t.input2, t.target, { margin: 0.1 }));
  });

  it('passes gradcheck', () => {
    const a = randn([4, 3], 1, { requiresGrad: true });
    const b = randn([4, 3], 2, { requiresGrad: true });
    expect(gradcheck((x, y) => cosineEmbeddingLoss(x, y, tensor([1, -1, -1, 1]), { margin: -0.5 }), [a, b])).toBe(true);
  });

  it('refuses targets that do not fit the inputs', () => {
    expect(() => cosineEmbeddingLoss(randn([4, 3], 1), randn([4, 3], 1), tensor([1, -1]))).toThrow(ShapeError);
    expect(() => cosineEmbeddingLoss(randn([4, 3], 1), randn([4, 3], 1), tensor([1, -1]))).toThrow(
      'cosineEmbeddingLoss: expected inputs of shape (N, D) with target (N), or (D) with a 0-d target; got inputs of shape [4, 3] and target of shape [2]',
    );
    expect(() => cosineEmbeddingLoss(randn([3], 1), randn([3], 1), tensor([1]))).toThrow(ShapeError);
    expect(() => cosineEmbeddingLoss(randn([4, 3], 1), randn([4, 2], 1), tensor([1, 1, 1, 1]))).toThrow(
      'cosineEmbeddingLoss: input2 of shape [4, 2] does not match input of shape [4, 3] (they must be the same shape)',
    );
  });
});
