import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, klDiv, logSoftmax, softmax, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('klDiv', () => {
  for (const reduction of ['mean', 'sum', 'none', 'batchmean'] as const) {
    it(`matches PyTorch with reduction '${reduction}' (zero targets included)`, () => {
      checkCase(cases[`kl_div_${reduction}`], (t) => klDiv(t.input, t.target, { reduction }));
    });
    it(`matches PyTorch with logTarget and reduction '${reduction}' (target gradient too)`, () => {
      checkCase(cases[`kl_div_log_target_${reduction}`], (t) => klDiv(t.input, t.target, { reduction, logTarget: true }));
    });
  }

  it('matches PyTorch for the gradient with respect to probability targets', () => {
    checkCase(cases.kl_div_target_grad, (t) => klDiv(t.input, t.target, { reduction: 'sum' }));
  });

  it('is zero between equal distributions', () => {
    const z = randn([2, 5], 1);
    expectClose(klDiv(logSoftmax(z, 1), softmax(z, 1), { reduction: 'batchmean' }), [0]);
  });

  it('passes gradcheck for input and target', () => {
    const x = randn([3, 4], 2, { requiresGrad: true });
    const t = rand([3, 4], 3, 0.1, 1, { requiresGrad: true });
    expect(gradcheck((a, b) => klDiv(a, b, { reduction: 'batchmean' }), [x, t])).toBe(true);
    expect(gradcheck((a, b) => klDiv(a, b, { logTarget: true }), [x, randn([3, 4], 4, { requiresGrad: true })])).toBe(true);
  });

  it('refuses a bad reduction and mismatched shapes', () => {
    expect(() => klDiv(randn([2], 1), randn([2], 1), { reduction: 'avg' as 'mean' })).toThrow(ValueError);
    expect(() => klDiv(randn([2], 1), randn([2], 1), { reduction: 'avg' as 'mean' })).toThrow(
      "klDiv: reduction must be 'mean', 'batchmean', 'sum' or 'none', got 'avg'",
    );
    expect(() => klDiv(randn([2, 3], 1), randn([3], 1))).toThrow(ShapeError);
    expect(() => klDiv(randn([2], 1), tensor([1, 0], { dtype: 'int32' }))).toThrow('klDiv: expected target of dtype float32, got int32');
  });
});
