import { describe, expect, it } from 'vitest';
import { ShapeError, gradcheck, multiLabelSoftMarginLoss, tensor } from '../../index';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('multiLabelSoftMarginLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with a class weight, reduction '${reduction}' (input, target and weight gradients)`, () => {
      checkCase(cases[`multilabel_soft_margin_${reduction}`], (t) => multiLabelSoftMarginLoss(t.input, t.target, { weight: t.weight, reduction }));
    });
  }

  it('passes gradcheck', () => {
    const x = randn([3, 4], 1, { requiresGrad: true });
    const y = rand([3, 4], 2, 0, 1, { requiresGrad: true });
    const w = rand([4], 3, 0.5, 1.5, { requiresGrad: true });
    expect(gradcheck((a, b, c) => multiLabelSoftMarginLoss(a, b, { weight: c }), [x, y, w])).toBe(true);
  });

  it('refuses mismatched shapes, 0-d input and a weight that does not broadcast', () => {
    expect(() => multiLabelSoftMarginLoss(randn([2, 3], 1), randn([2, 2], 1))).toThrow(ShapeError);
    expect(() => multiLabelSoftMarginLoss(tensor(1), tensor(1))).toThrow('multiLabelSoftMarginLoss: expected input of shape (N, C) or (C), got []');
    expect(() => multiLabelSoftMarginLoss(randn([2, 3], 1), randn([2, 3], 1), { weight: randn([2], 1) })).toThrow(
      "multiLabelSoftMarginLoss: weight of shape [2] cannot be broadcast to the input's shape [2, 3]",
    );
  });
});
