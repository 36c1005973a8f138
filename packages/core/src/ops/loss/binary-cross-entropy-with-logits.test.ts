import { describe, expect, it } from 'vitest';
import { AutogradError, ShapeError, binaryCrossEntropyWithLogits, gradcheck, tensor } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('binaryCrossEntropyWithLogits', () => {
  it('matches PyTorch (loss_bce_with_logits)', () => {
    const ref = loadReference('loss_bce_with_logits');
    const x = refTensor(ref.inputs.input, { requiresGrad: true });
    const loss = binaryCrossEntropyWithLogits(x, refTensor(ref.inputs.target));
    expectClose(loss, ref.expected.loss);
    loss.backward();
    expectClose(x.grad!, ref.expected.grad_input);
  });

  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with weight and posWeight, reduction '${reduction}' (input and target gradients)`, () => {
      checkCase(cases[`bce_logits_weights_${reduction}`], (t) =>
        binaryCrossEntropyWithLogits(t.input, t.target, { weight: t.weight, posWeight: t.pos_weight, reduction }),
      );
    });
  }

  it('stays finite for large logits', () => {
    expectClose(binaryCrossEntropyWithLogits(tensor([1000, -1000]), tensor([0, 1]), { reduction: 'none' }), [1000, 1000]);
  });

  it('passes gradcheck with and without posWeight', () => {
    const x = randn([3, 4], 1, { requiresGrad: true });
    const y = rand([3, 4], 2, 0, 1, { requiresGrad: true });
    expect(gradcheck((a, b) => binaryCrossEntropyWithLogits(a, b), [x, y])).toBe(true);
    const pw = rand([4], 3, 0.5, 2);
    expect(gradcheck((a, b) => binaryCrossEntropyWithLogits(a, b, { posWeight: pw, reduction: 'sum' }), [x, y])).toBe(true);
  });

  it('refuses mismatched shapes and weights that require grad or do not broadcast', () => {
    expect(() => binaryCrossEntropyWithLogits(randn([2, 3], 1), randn([3], 1))).toThrow(ShapeError);
    expect(() => binaryCrossEntropyWithLogits(randn([2, 3], 1), randn([3], 1))).toThrow(
      'binaryCrossEntropyWithLogits: target of shape [3] does not match input of shape [2, 3] (they must be the same shape)',
    );
    expect(() => binaryCrossEntropyWithLogits(randn([2, 3], 1), randn([2, 3], 1), { posWeight: randn([2], 1) })).toThrow(
      "binaryCrossEntropyWithLogits: posWeight of shape [2] cannot be broadcast to the input's shape [2, 3]",
    );
    expect(() => binaryCrossEntropyWithLogits(randn([2, 3], 1), randn([2, 3], 1), { posWeight: randn([3], 1, { requiresGrad: true }) })).toThrow(
      AutogradError,
    );
    expect(() => binaryCrossEntropyWithLogits(randn([2, 3], 1), randn([2, 3], 1), { weight: randn([3], 1, { requiresGrad: true }) })).toThrow(
      'binaryCrossEntropyWithLogits: the loss is not differentiable with respect to weight; it must not require grad (detach it)',
    );
  });
});
