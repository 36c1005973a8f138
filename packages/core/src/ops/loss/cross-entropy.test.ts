import { describe, expect, it } from 'vitest';
import { AutogradError, DTypeError, IndexError, ShapeError, ValueError, crossEntropy, gradcheck, noGrad, tensor, type NestedArray } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');
const ints = (v: NestedArray<number>) => tensor(v, { dtype: 'int32' });

function reference(name: string, options: { labelSmoothing?: number }): void {
  const ref = loadReference(name);
  const x = refTensor(ref.inputs.logits, { requiresGrad: true });
  const loss = crossEntropy(x, refTensor(ref.inputs.target), options);
  expectClose(loss, ref.expected.loss);
  loss.backward();
  expectClose(x.grad!, ref.expected.grad_logits);
}

describe('crossEntropy', () => {
  it('matches PyTorch (loss_cross_entropy)', () => reference('loss_cross_entropy', {}));
  it('matches PyTorch with label smoothing 0.1 (loss_cross_entropy_smooth)', () => reference('loss_cross_entropy_smooth', { labelSmoothing: 0.1 }));

  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with class weights, reduction '${reduction}'`, () => {
      checkCase(cases[`ce_weight_${reduction}`], (t) => crossEntropy(t.input, t.target, { weight: t.weight, reduction }));
    });
    it(`matches PyTorch with ignored targets, weights and label smoothing, reduction '${reduction}'`, () => {
      checkCase(cases[`ce_ignore_smooth_weight_${reduction}`], (t) => crossEntropy(t.input, t.target, { weight: t.weight, reduction, labelSmoothing: 0.2 }));
      checkCase(cases[`ce_ignore_smooth_${reduction}`], (t) => crossEntropy(t.input, t.target, { reduction, labelSmoothing: 0.3, ignoreIndex: 2 }));
    });
    it(`matches PyTorch with class-probability targets, weights and smoothing, reduction '${reduction}' (target gradient too)`, () => {
      checkCase(cases[`ce_probs_weight_smooth_${reduction}`], (t) => crossEntropy(t.input, t.target, { weight: t.weight, reduction, labelSmoothing: 0.1 }));
    });
  }

  it('matches PyTorch on (N, C, d1, d2) input with weights and ignoreIndex', () => {
    checkCase(cases.ce_spatial, (t) => crossEntropy(t.input, t.target, { weight: t.weight, ignoreIndex: 1 }));
  });

  it('matches PyTorch on (N, C, d) input with class probabilities, and on unbatched (C) input', () => {
    checkCase(cases.ce_spatial_probs, (t) => crossEntropy(t.input, t.target));
    checkCase(cases.ce_unbatched, (t) => crossEntropy(t.input, t.target, { labelSmoothing: 0.1 }));
  });

  it('gives NaN with zero gradients when every target is ignored (as PyTorch)', () => {
    const x = randn([2, 3], 1, { requiresGrad: true });
    const loss = crossEntropy(x, ints([-100, -100]));
    expect(Number.isNaN(loss.item())).toBe(true);
    loss.backward();
    expect(x.grad!.tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it('passes gradcheck for index and probability targets', () => {
    const x = randn([3, 3, 2], 7, { requiresGrad: true });
    const idx = ints([[0, 2], [1, 1], [2, -100]]);
    const w = rand([3], 8, 0.5, 1.5);
    expect(gradcheck((a) => crossEntropy(a, idx, { weight: w, labelSmoothing: 0.2 }), [x])).toBe(true);
    expect(gradcheck((a) => crossEntropy(a, idx, { reduction: 'none' }), [x])).toBe(true);
    const probs = rand([3, 3, 2], 9, 0, 1, { requiresGrad: true });
    const wg = rand([3], 10, 0.5, 1.5, { requiresGrad: true });
    expect(gradcheck((a, p, ww) => crossEntropy(a, p, { weight: ww, labelSmoothing: 0.1 }), [x, probs, wg])).toBe(true);
  });

  it('refuses targets of the wrong shape or dtype', () => {
    const x = randn([6, 5], 1);
    expect(() => crossEntropy(x, ints([[0], [1]]))).toThrow(ShapeError);
    expect(() => crossEntropy(x, ints([[0], [1]]))).toThrow(
      'crossEntropy: expected target of shape [6] (class indices) or [6, 5] (class probabilities) for input of shape [6, 5], got [2, 1]',
    );
    expect(() => crossEntropy(x, randn([6, 4], 1))).toThrow(
      'crossEntropy: expected target of shape [6] (class indices) or [6, 5] (class probabilities) for input of shape [6, 5], got [6, 4]',
    );
    expect(() => crossEntropy(x, randn([6], 1))).toThrow(DTypeError);
    expect(() => crossEntropy(x, randn([6], 1))).toThrow(
      'crossEntropy: class-index targets must be int32 (int64), got float32 target of shape [6] for input of shape [6, 5]',
    );
    expect(() => crossEntropy(x, tensor([true, false, true, false, true, false]))).toThrow(
      'crossEntropy: expected int32 class indices or float32 class probabilities as target, got bool',
    );
    expect(() => crossEntropy(tensor([[1, 2]], { dtype: 'int32' }), ints([0]))).toThrow('crossEntropy: expected input of dtype float32, got int32');
    expect(() => crossEntropy(tensor(1), ints(0))).toThrow('crossEntropy: expected input of shape (C), (N, C) or (N, C, d1, ...), got []');
  });

  it('refuses class indices out of range', () => {
    const x = randn([3, 5], 1);
    expect(() => crossEntropy(x, ints([0, 5, 1]))).toThrow(IndexError);
    expect(() => crossEntropy(x, ints([0, 5, 1]))).toThrow(
      'crossEntropy: target 5 is out of bounds for 5 classes (at flat position 1; valid targets are 0 to 4 or ignoreIndex -100)',
    );
    expect(() => crossEntropy(x, ints([0, -1, 1]))).toThrow('crossEntropy: target -1 is out of bounds for 5 classes');
  });

  it('refuses a bad weight, labelSmoothing, reduction or ignoreIndex with probabilities', () => {
    const x = randn([3, 5], 1);
    const t = ints([0, 1, 2]);
    expect(() => crossEntropy(x, t, { weight: randn([4], 1) })).toThrow(ShapeError);
    expect(() => crossEntropy(x, t, { weight: randn([4], 1) })).toThrow('crossEntropy: expected weight of shape [5] (one per class), got [4]');
    expect(() => crossEntropy(x, t, { labelSmoothing: 1.5 })).toThrow(ValueError);
    expect(() => crossEntropy(x, t, { labelSmoothing: 1.5 })).toThrow('crossEntropy: labelSmoothing must be between 0 and 1, got 1.5');
    expect(() => crossEntropy(x, t, { reduction: 'batchmean' as 'mean' })).toThrow("crossEntropy: reduction must be 'mean', 'sum' or 'none', got 'batchmean'");
    expect(() => crossEntropy(x, rand([3, 5], 1), { ignoreIndex: 1 })).toThrow('crossEntropy: ignoreIndex is not supported for class-probability (float) targets');
  });

  it('refuses a class weight that requires grad with index targets (not differentiable, as in PyTorch)', () => {
    const w = rand([5], 1, 0.5, 1, { requiresGrad: true });
    expect(() => crossEntropy(randn([3, 5], 1), ints([0, 1, 2]), { weight: w })).toThrow(AutogradError);
    expect(() => crossEntropy(randn([3, 5], 1), ints([0, 1, 2]), { weight: w })).toThrow(
      'crossEntropy: the loss is not differentiable with respect to weight (with class-index targets); it must not require grad (detach it)',
    );
    expect(noGrad(() => crossEntropy(randn([3, 5], 1), ints([0, 1, 2]), { weight: w })).dim()).toBe(0);
  });
});
