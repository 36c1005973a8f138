import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, huberLoss, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('huberLoss', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with delta 0.7 and reduction '${reduction}'`, () => {
      checkCase(cases[`huber_${reduction}`], (t) => huberLoss(t.input, t.target, { reduction, delta: 0.7 }));
    });
  }

  it('is quadratic below delta and linear above', () => {
    expectClose(huberLoss(tensor([0, 0]), tensor([0.5, 3]), { reduction: 'none', delta: 2 }), [0.125, 4]);
  });

  it('passes gradcheck', () => {
    const x = randn([3, 4], 5, { requiresGrad: true });
    const y = randn([3, 4], 6, { requiresGrad: true });
    expect(gradcheck((a, b) => huberLoss(a, b, { delta: 0.5, reduction: 'sum' }), [x, y])).toBe(true);
  });

  it('refuses a non-positive delta and mismatched shapes', () => {
    expect(() => huberLoss(randn([2], 1), randn([2], 1), { delta: 0 })).toThrow(ValueError);
    expect(() => huberLoss(randn([2], 1), randn([2], 1), { delta: 0 })).toThrow('huberLoss: delta must be positive, got 0');
    expect(() => huberLoss(randn([2], 1), randn([2, 1], 1))).toThrow(ShapeError);
    expect(() => huberLoss(randn([2], 1), randn([2, 1], 1))).toThrow('huberLoss: target of shape [2, 1] does not match input of shape [2] (they must be the same shape)');
  });
});
