import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, ValueError, gradcheck, l1Loss, tensor } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('l1Loss', () => {
  it('matches PyTorch (loss_l1)', () => {
    const ref = loadReference('loss_l1');
    const x = refTensor(ref.inputs.input, { requiresGrad: true });
    const loss = l1Loss(x, refTensor(ref.inputs.target));
    expectClose(loss, ref.expected.loss);
    loss.backward();
    expectClose(x.grad!, ref.expected.grad_input);
  });

  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with reduction '${reduction}', with the target's gradient`, () => {
      checkCase(cases[`l1_${reduction}`], (t) => l1Loss(t.input, t.target, { reduction }));
    });
  }

  it('passes gradcheck for input and target', () => {
    const x = randn([3, 4], 1, { requiresGrad: true });
    const y = randn([3, 4], 2, { requiresGrad: true });
    expect(gradcheck((a, b) => l1Loss(a, b), [x, y])).toBe(true);
    expect(gradcheck((a, b) => l1Loss(a, b, { reduction: 'none' }), [x, y])).toBe(true);
  });

  it('refuses mismatched shapes, integer tensors and a bad reduction', () => {
    expect(() => l1Loss(randn([3, 4], 1), randn([4], 1))).toThrow(ShapeError);
    expect(() => l1Loss(randn([3, 4], 1), randn([4], 1))).toThrow(
      'l1Loss: target of shape [4] does not match input of shape [3, 4] (they must be the same shape)',
    );
    expect(() => l1Loss(randn([2], 1), tensor([1, 2], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => l1Loss(randn([2], 1), tensor([1, 2], { dtype: 'int32' }))).toThrow('l1Loss: expected target of dtype float32, got int32');
    expect(() => l1Loss(tensor([1, 2], { dtype: 'int32' }), randn([2], 1))).toThrow('l1Loss: expected input of dtype float32, got int32');
    expect(() => l1Loss(randn([2], 1), randn([2], 1), { reduction: 'avg' as 'mean' })).toThrow(ValueError);
    expect(() => l1Loss(randn([2], 1), randn([2], 1), { reduction: 'avg' as 'mean' })).toThrow(
      "l1Loss: reduction must be 'mean', 'sum' or 'none', got 'avg'",
    );
  });
});
