import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkNumber } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { regressionArgs, type LossOptions } from './regression-args';
import { assertTensor } from '../arg-checks';

/** Options of `smoothL1Loss`. */
export interface SmoothL1LossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear; 0 gives the L1 loss. @default 1 */
  beta?: number;
}

/**
 * Smooth L1 loss: `0.5 d^2 / beta` where `d = |input - target| < beta`, else `d - 0.5 beta`
 * (PyTorch's `F.smooth_l1_loss`).
 *
 * @param options `reduction` (default 'mean'), `beta` (default 1).
 * @example
 * ```ts
 * dl.smoothL1Loss(dl.tensor([0, 0]), dl.tensor([0.5, 3])).item(); // 1.3125
 * ```
 */
export function smoothL1Loss(input: Tensor, target: Tensor, options: SmoothL1LossOptions = {}): Tensor {
  assertTensor(input, 'smoothL1Loss');
  assertTensor(target, 'smoothL1Loss', 'target');
  const op = 'smoothL1Loss';
  const reduction = regressionArgs(input, target, op, options);
  const beta = options.beta ?? 1;
  checkNumber(beta, op, 'beta', (v) => v >= 0, 'non-negative');
  return elementwiseLoss({
    name: 'SmoothL1Loss',
    inputs: [input, target],
    reduction,
    loss: ([x, t]) => {
      const d = tf.abs(tf.sub(x, t));
      if (beta === 0) return d;
      return tf.where(tf.less(d, beta), tf.div(tf.mul(tf.square(d), 0.5), beta), tf.sub(d, 0.5 * beta));
    },
    grads: ([x, t], g, needs) => {
      const diff = tf.sub(x, t);
      const slope = beta === 0 ? tf.sign(diff) : tf.where(tf.less(tf.abs(diff), beta), tf.div(diff, beta), tf.sign(diff));
      const d = tf.mul(slope, g);
      return [needs[0] ? d : null, needs[1] ? tf.neg(d) : null];
    },
  });
}
