import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkNumber, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `poissonNllLoss`. */
export interface PoissonNllLossOptions {
  /** The input is the log of the rate (`exp(input) - target input`); else the rate itself. @default true */
  logInput?: boolean;
  /** Add Stirling's approximation of `log(target!)` (for targets above 1). @default false */
  full?: boolean;
  /** Keeps `log(input + eps)` finite when `logInput` is false. @default 1e-8 */
  eps?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Negative log likelihood of a Poisson-distributed target (PyTorch's `F.poisson_nll_loss`):
 * `exp(input) - target input` with `logInput`, else `input - target log(input + eps)`.
 *
 * @param options `logInput` (default true), `full` (default false), `eps` (default 1e-8),
 *   `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.poissonNllLoss(dl.tensor([0, 1]), dl.tensor([1, 2])).item(); // 0.8591
 * ```
 */
export function poissonNllLoss(input: Tensor, target: Tensor, options: PoissonNllLossOptions = {}): Tensor {
  assertTensor(input, 'poissonNllLoss');
  assertTensor(target, 'poissonNllLoss', 'target');
  const op = 'poissonNllLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const logInput = options.logInput ?? true;
  const full = options.full ?? false;
  const eps = options.eps ?? 1e-8;
  checkNumber(eps, op, 'eps', (v) => v >= 0, 'non-negative');
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  const stirling = (t: tf.Tensor) => {
    const term = tf.add(tf.sub(tf.mul(t, tf.log(t)), t), tf.mul(tf.log(tf.mul(t, 2 * Math.PI)), 0.5));
    return tf.where(tf.greater(t, 1), term, tf.zerosLike(t));
  };
  return elementwiseLoss({
    name: 'PoissonNllLoss',
    inputs: [input, target],
    reduction,
    loss: ([x, t]) => {
      const l = logInput ? tf.sub(tf.exp(x), tf.mul(t, x)) : tf.sub(x, tf.mul(t, tf.log(tf.add(x, eps))));
      return full ? tf.add(l, stirling(t)) : l;
    },
    grads: ([x, t], g, needs) => {
      const dx = needs[0] ? tf.mul(g, logInput ? tf.sub(tf.exp(x), t) : tf.sub(1, tf.div(t, tf.add(x, eps)))) : null;
      let dt = null;
      if (needs[1]) {
        let d = logInput ? tf.neg(x) : tf.neg(tf.log(tf.add(x, eps)));
        // d/dt (t log t - t + log(2 pi t) / 2) = log t + 1 / (2 t), only where the term is added.
        if (full) d = tf.add(d, tf.where(tf.greater(t, 1), tf.add(tf.log(t), tf.div(0.5, t)), tf.zerosLike(t)));
        dt = tf.mul(g, d);
      }
      return [dx, dt];
    },
  });
}
