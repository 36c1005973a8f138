import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gaussianNllLoss, gradcheck, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('gaussianNllLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with a full variance, reduction '${reduction}' (input, target and var gradients)`, () => {
      checkCase(cases[`gaussian_${reduction}`], (t) => gaussianNllLoss(t.input, t.target, t.var, { reduction }));
    });
  }

  it('matches PyTorch with one variance per sample (with the last dim missing or 1), clamping and the constant', () => {
    checkCase(cases.gaussian_full_var_shapes, (t) => gaussianNllLoss(t.input, t.target, t.var, { full: true, eps: 1e-3 }));
    checkCase(cases.gaussian_var_last1, (t) => gaussianNllLoss(t.input, t.target, t.var, { reduction: 'sum' }));
  });

  it('accepts a number as variance', () => {
    expectClose(gaussianNllLoss(tensor([0, 1]), tensor([1, 1]), 1), [0.25]);
  });

  it('passes gradcheck', () => {
    const x = randn([3, 4], 1, { requiresGrad: true });
    const t = randn([3, 4], 2, { requiresGrad: true });
    const v = rand([3, 1], 3, 0.5, 2, { requiresGrad: true });
    expect(gradcheck((a, b, c) => gaussianNllLoss(a, b, c), [x, t, v])).toBe(true);
  });

  it('refuses a variance of the wrong size or with negative entries', () => {
    expect(() => gaussianNllLoss(randn([3, 4], 1), randn([3, 4], 1), rand([4], 1, 0.5, 1))).toThrow(ValueError);
    expect(() => gaussianNllLoss(randn([3, 4], 1), randn([3, 4], 1), rand([4], 1, 0.5, 1))).toThrow(
      'gaussianNllLoss: var of shape [4] has an incorrect size for input of shape [3, 4]',
    );
    expect(() => gaussianNllLoss(randn([2], 1), randn([2], 1), tensor([1, -1]))).toThrow('gaussianNllLoss: var has negative entries');
    expect(() => gaussianNllLoss(randn([2], 1), randn([3], 1), tensor([1, 1]))).toThrow(ShapeError);
    expect(() => gaussianNllLoss(randn([2], 1), randn([2], 1), 1, { eps: -1 })).toThrow('gaussianNllLoss: eps must be non-negative, got -1');
  });
});
