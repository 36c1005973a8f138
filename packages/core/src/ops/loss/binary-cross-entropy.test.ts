import { describe, expect, it } from 'vitest';
import { AutogradError, DTypeError, ShapeError, ValueError, binaryCrossEntropy, gradcheck, tensor } from '../../index';
import { expectClose } from '../../../test/support/reference';
import { checkCase, loadCases, rand } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('binaryCrossEntropy', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with a broadcast weight, reduction '${reduction}' (input and target gradients)`, () => {
      checkCase(cases[`bce_weight_${reduction}`], (t) => binaryCrossEntropy(t.input, t.target, { weight: t.weight, reduction }));
    });
  }

  it('clamps the logs to -100 at probabilities 0 and 1, as PyTorch', () => {
    checkCase(cases.bce_clamped, (t) => binaryCrossEntropy(t.input, t.target, { reduction: 'none' }));
    expectClose(binaryCrossEntropy(tensor([0, 1]), tensor([1, 0])), [100]);
  });

  it('passes gradcheck for input and target', () => {
    const x = rand([3, 4], 1, 0.05, 0.95, { requiresGrad: true });
    const y = rand([3, 4], 2, 0, 1, { requiresGrad: true });
    expect(gradcheck((a, b) => binaryCrossEntropy(a, b), [x, y], { eps: 1e-3 })).toBe(true);
  });

  it('refuses input outside [0, 1]', () => {
    expect(() => binaryCrossEntropy(tensor([0.5, 1.5]), tensor([1, 0]))).toThrow(ValueError);
    expect(() => binaryCrossEntropy(tensor([0.5, 1.5]), tensor([1, 0]))).toThrow('binaryCrossEntropy: all elements of input should be between 0 and 1');
  });

  it('refuses mismatched shapes, a weight that does not broadcast or requires grad, and integer targets', () => {
    expect(() => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([[1, 0]]))).toThrow(ShapeError);
    expect(() => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0]), { weight: tensor([1, 2, 3]) })).toThrow(
      "binaryCrossEntropy: weight of shape [3] cannot be broadcast to the input's shape [2]",
    );
    expect(() => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0]), { weight: tensor([1, 2], { requiresGrad: true }) })).toThrow(AutogradError);
    expect(() => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0], { dtype: 'int32' }))).toThrow(
      'binaryCrossEntropy: expected target of dtype float32, got int32',
    );
  });
});
