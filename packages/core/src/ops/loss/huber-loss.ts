import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkNumber } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { regressionArgs, type LossOptions } from './regression-args';
import { assertTensor } from '../arg-checks';

/** Options of `huberLoss`. */
export interface HuberLossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear; must be positive. @default 1 */
  delta?: number;
}

/**
 * Huber loss: `0.5 d^2` where `d = |input - target| < delta`, else `delta (d - 0.5 delta)`
 * (PyTorch's `F.huber_loss`).
 *
 * @param options `reduction` (default 'mean'), `delta` (default 1).
 * @example
 * ```ts
 * dl.huberLoss(dl.tensor([0, 0]), dl.tensor([0.5, 3])).item(); // 1.3125
 * ```
 */
export function huberLoss(input: Tensor, target: Tensor, options: HuberLossOptions = {}): Tensor {
  assertTensor(input, 'huberLoss');
  assertTensor(target, 'huberLoss', 'target');
  const op = 'huberLoss';
  const reduction = regressionArgs(input, target, op, options);
  const delta = options.delta ?? 1;
  checkNumber(delta, op, 'delta', (v) => v > 0, 'positive');
  return elementwiseLoss({
    name: 'HuberLoss',
    inputs: [input, target],
    reduction,
    loss: ([x, t]) => {
      const d = tf.abs(tf.sub(x, t));
      return tf.where(tf.less(d, delta), tf.mul(tf.square(d), 0.5), tf.mul(tf.sub(d, 0.5 * delta), delta));
    },
    grads: ([x, t], g, needs) => {
      const diff = tf.sub(x, t);
      const slope = tf.clipByValue(diff, -delta, delta);
      const d = tf.mul(slope, g);
      return [needs[0] ? d : null, needs[1] ? tf.neg(d) : null];
    },
  });
}
