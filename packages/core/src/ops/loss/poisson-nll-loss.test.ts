import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, poissonNllLoss } from '../../index';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('poissonNllLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch on log rates, reduction '${reduction}' (input and target gradients)`, () => {
      checkCase(cases[`poisson_log_${reduction}`], (t) => poissonNllLoss(t.input, t.target, { reduction }));
    });
  }

  // PyTorch's target gradient is NaN where target is 0 (0 * the Stirling term's infinite slope,
  // an artifact of masking after computing it); here those entries get 0 and are not compared.
  it('matches PyTorch on rates with the Stirling term', () => {
    checkCase(cases.poisson_full_nolog, (t) => poissonNllLoss(t.input, t.target, { logInput: false, full: true }), 1e-4, 1e-5, ['grad.target']);
  });

  it('passes gradcheck', () => {
    const x = randn([3, 4], 1, { requiresGrad: true });
    const t = rand([3, 4], 2, 1.5, 4, { requiresGrad: true });
    expect(gradcheck((a, b) => poissonNllLoss(a, b, { full: true }), [x, t])).toBe(true);
    const r = rand([3, 4], 3, 0.5, 2, { requiresGrad: true });
    expect(gradcheck((a, b) => poissonNllLoss(a, b, { logInput: false }), [r, t])).toBe(true);
  });

  it('refuses a negative eps and mismatched shapes', () => {
    expect(() => poissonNllLoss(randn([2], 1), randn([2], 1), { eps: -1 })).toThrow(ValueError);
    expect(() => poissonNllLoss(randn([2], 1), randn([2], 1), { eps: -1 })).toThrow('poissonNllLoss: eps must be non-negative, got -1');
    expect(() => poissonNllLoss(randn([2], 1), randn([1, 2], 1))).toThrow(ShapeError);
  });
});
