import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, cosineSimilarity, gradcheck, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('cosineSimilarity', () => {
  it('matches PyTorch along dim 1', () => {
    checkCase(cases.cosine_similarity, (t) => cosineSimilarity(t.x1, t.x2));
  });

  it('matches PyTorch with broadcasting along the last dim', () => {
    checkCase(cases.cosine_similarity_broadcast, (t) => cosineSimilarity(t.x1, t.x2, { dim: -1 }));
  });

  it('gives 0 for a zero vector and works on 1-D input', () => {
    expectClose(cosineSimilarity(tensor([[0, 0]]), tensor([[1, 1]])), [0]);
    expectClose(cosineSimilarity(tensor([1, 0]), tensor([1, 1]), { dim: 0 }), [Math.SQRT1_2]);
  });

  it('passes gradcheck', () => {
    const a = randn([3, 4], 51, { requiresGrad: true });
    const b = randn([3, 4], 52, { requiresGrad: true });
    expect(gradcheck((x, y) => cosineSimilarity(x, y), [a, b])).toBe(true);
    const c = randn([4], 53, { requiresGrad: true });
    expect(gradcheck((x, y) => cosineSimilarity(x, y), [a, c])).toBe(true);
  });

  it('refuses shapes that do not broadcast, a bad dim and integer input', () => {
    expect(() => cosineSimilarity(randn([2, 3], 1), randn([2, 4], 1))).toThrow(ShapeError);
    expect(() => cosineSimilarity(randn([2, 3], 1), randn([2, 4], 1))).toThrow('cosineSimilarity: shapes [2, 3] and [2, 4] cannot be broadcast');
    expect(() => cosineSimilarity(randn([2, 3], 1), randn([2, 3], 1), { dim: 2 })).toThrow(IndexError);
    expect(() => cosineSimilarity(randn([2, 3], 1), randn([2, 3], 1), { dim: 2 })).toThrow(
      'cosineSimilarity: dimension out of range (expected to be in range of [-2, 1], but got 2)',
    );
    expect(() => cosineSimilarity(tensor([1], { dtype: 'int32' }), randn([1], 1), { dim: 0 })).toThrow(DTypeError);
    expect(() => cosineSimilarity(tensor([1], { dtype: 'int32' }), randn([1], 1), { dim: 0 })).toThrow(
      'cosineSimilarity: expected float32 inputs, got int32 and float32',
    );
  });
});
