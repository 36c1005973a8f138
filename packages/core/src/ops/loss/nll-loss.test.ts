import { describe, expect, it } from 'vitest';
import { AutogradError, DTypeError, IndexError, ShapeError, gradcheck, logSoftmax, nllLoss, tensor, type NestedArray } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');
const ints = (v: NestedArray<number>) => tensor(v, { dtype: 'int32' });

describe('nllLoss', () => {
  it('matches PyTorch after logSoftmax (loss_nll)', () => {
    const ref = loadReference('loss_nll');
    const x = refTensor(ref.inputs.logits, { requiresGrad: true });
    const loss = nllLoss(logSoftmax(x, 1), refTensor(ref.inputs.target));
    expectClose(loss, ref.expected.loss);
    loss.backward();
    expectClose(x.grad!, ref.expected.grad_logits);
  });

  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with weights and ignoreIndex, reduction '${reduction}'`, () => {
      checkCase(cases[`nll_weight_ignore_${reduction}`], (t) => nllLoss(t.input, t.target, { weight: t.weight, ignoreIndex: 4, reduction }));
    });
  }

  it('matches PyTorch on (N, C, d) input with reduction sum', () => {
    checkCase(cases.nll_spatial_sum, (t) => nllLoss(t.input, t.target, { reduction: 'sum' }));
  });

  it('matches PyTorch when every target is ignored (NaN loss, zero gradient)', () => {
    checkCase(cases.nll_all_ignored, (t) => nllLoss(t.input, t.target));
  });

  it('passes gradcheck', () => {
    const x = randn([5, 4], 3, { requiresGrad: true });
    const w = rand([4], 4, 0.5, 1.5);
    expect(gradcheck((a) => nllLoss(a, ints([0, 3, 3, 1, 2]), { weight: w }), [x])).toBe(true);
    expect(gradcheck((a) => nllLoss(a, ints(2)), [randn([4], 5, { requiresGrad: true })])).toBe(true);
  });

  it('refuses bad targets', () => {
    const x = randn([3, 4], 1);
    expect(() => nllLoss(x, ints([0, 1]))).toThrow(ShapeError);
    expect(() => nllLoss(x, ints([0, 1]))).toThrow('nllLoss: expected target of shape [3] (class indices) for input of shape [3, 4], got [2]');
    expect(() => nllLoss(x, randn([3], 1))).toThrow(DTypeError);
    expect(() => nllLoss(x, randn([3], 1))).toThrow('nllLoss: class-index targets must be int32 (int64), got float32 target of shape [3] for input of shape [3, 4]');
    expect(() => nllLoss(x, ints([0, 1, 4]))).toThrow(IndexError);
    expect(() => nllLoss(x, ints([0, 1, 4]))).toThrow('nllLoss: target 4 is out of bounds for 4 classes (at flat position 2; valid targets are 0 to 3 or ignoreIndex -100)');
  });

  it('refuses a weight that requires grad', () => {
    const w = rand([4], 1, 0.5, 1, { requiresGrad: true });
    expect(() => nllLoss(randn([3, 4], 1), ints([0, 1, 2]), { weight: w })).toThrow(AutogradError);
  });
});
