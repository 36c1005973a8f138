import { describe, expect, it } from 'vitest';
import { AutogradError, ShapeError, gradcheck, softMarginLoss, tensor } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('softMarginLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with reduction '${reduction}'`, () => {
      checkCase(cases[`soft_margin_${reduction}`], (t) => softMarginLoss(t.input, t.target, { reduction }));
    });
  }

  it('passes gradcheck', () => {
    const x = randn([2, 3], 1, { requiresGrad: true });
    expect(gradcheck((a) => softMarginLoss(a, tensor([[1, -1, 1], [-1, -1, 1]])), [x])).toBe(true);
  });

  it('refuses a target that requires grad (not differentiable, as in PyTorch) and mismatched shapes', () => {
    expect(() => softMarginLoss(randn([2], 1), randn([2], 2, { requiresGrad: true }))).toThrow(AutogradError);
    expect(() => softMarginLoss(randn([2], 1), randn([2], 2, { requiresGrad: true }))).toThrow(
      'softMarginLoss: the loss is not differentiable with respect to target; it must not require grad (detach it)',
    );
    expect(() => softMarginLoss(randn([2], 1), randn([3], 1))).toThrow(ShapeError);
  });
});
