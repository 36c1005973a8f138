import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, smoothL1Loss, tensor } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('losses');

describe('smoothL1Loss', () => {
  it('matches PyTorch (loss_smooth_l1)', () => {
    const ref = loadReference('loss_smooth_l1');
    const x = refTensor(ref.inputs.input, { requiresGrad: true });
    const loss = smoothL1Loss(x, refTensor(ref.inputs.target));
    expectClose(loss, ref.expected.loss);
    loss.backward();
    expectClose(x.grad!, ref.expected.grad_input);
  });

  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`matches PyTorch with beta 0.5 and reduction '${reduction}'`, () => {
      checkCase(cases[`smooth_l1_${reduction}`], (t) => smoothL1Loss(t.input, t.target, { reduction, beta: 0.5 }));
    });
  }

  it('is the L1 loss when beta is 0 (PyTorch parity)', () => {
    checkCase(cases.smooth_l1_beta0, (t) => smoothL1Loss(t.input, t.target, { beta: 0 }));
  });

  it('is quadratic below beta and linear above', () => {
    expectClose(smoothL1Loss(tensor([0, 0]), tensor([0.5, 3]), { reduction: 'none' }), [0.125, 2.5]);
  });

  it('passes gradcheck', () => {
    const x = randn([3, 4], 3, { requiresGrad: true });
    const y = randn([3, 4], 4, { requiresGrad: true });
    expect(gradcheck((a, b) => smoothL1Loss(a, b, { beta: 0.7 }), [x, y])).toBe(true);
  });

  it('refuses a negative beta and mismatched shapes', () => {
    expect(() => smoothL1Loss(randn([2], 1), randn([2], 1), { beta: -1 })).toThrow(ValueError);
    expect(() => smoothL1Loss(randn([2], 1), randn([2], 1), { beta: -1 })).toThrow('smoothL1Loss: beta must be non-negative, got -1');
    expect(() => smoothL1Loss(randn([2], 1), randn([3], 1))).toThrow(ShapeError);
  });
});
