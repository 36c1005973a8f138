import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { checkFloat, checkNoGrad, checkNumeric, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `softMarginLoss`. */
export interface SoftMarginLossOptions {
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Two-class logistic loss `log(1 + exp(-target * input))` with targets 1 or -1 (PyTorch's
 * `F.soft_margin_loss`; like PyTorch, not differentiable with respect to the target).
 *
 * @param options `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.softMarginLoss(dl.tensor([2, -1]), dl.tensor([1, -1])).item(); // 0.2201
 * ```
 */
export function softMarginLoss(input: Tensor, target: Tensor, options: SoftMarginLossOptions = {}): Tensor {
  assertTensor(input, 'softMarginLoss');
  assertTensor(target, 'softMarginLoss', 'target');
  const op = 'softMarginLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  checkFloat(input, op, 'input');
  checkNumeric(target, op, 'target');
  checkSameShape(input, target, op);
  checkNoGrad(target, op, 'target');
  return elementwiseLoss({
    name: 'SoftMarginLoss',
    inputs: [input, castTo(target, 'float32')],
    reduction,
    loss: ([x, y]) => tf.softplus(tf.neg(tf.mul(y, x))),
    grads: ([x, y], g, needs) => [needs[0] ? tf.mul(g, tf.mul(tf.neg(y), tf.sigmoid(tf.neg(tf.mul(y, x))))) : null, null],
  });
}
