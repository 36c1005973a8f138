import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { rawSoftplus } from './raw';
import { floatInput } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link softplus}. */
export interface SoftplusOptions {
  /** The `beta` of `log(1 + e^(beta x)) / beta`. @default 1 */
  beta?: number;
  /** Above `beta * x > threshold` the op is linear (returns `x`). @default 20 */
  threshold?: number;
}

/**
 * Elementwise `log(1 + e^(beta x)) / beta`, linear where `beta * x > threshold` (PyTorch's
 * `F.softplus`).
 *
 * @example
 * ```ts
 * dl.softplus(dl.tensor([0, 30])).tolist(); // [0.6931, 30]
 * ```
 */
export function softplus(input: Tensor, options: SoftplusOptions = {}): Tensor {
  assertOptions(options, 'softplus', '{ beta: 1, threshold: 20 }');
  const beta = options.beta ?? 1;
  const threshold = options.threshold ?? 20;
  if (beta === 0 || !Number.isFinite(beta)) throw new ValueError(`softplus: beta must be a finite non-zero number, got ${beta}`);
  const x = floatInput(input, 'softplus');
  return runOp({
    name: 'Softplus',
    inputs: [x],
    save: { inputs: [0] },
    forward: () =>
      tf.tidy(() => {
        const bx = tf.mul(x._value, beta);
        return tf.where(tf.greater(bx, threshold), x._value, tf.div(rawSoftplus(bx), beta));
      }),
    backward: (dy, [v]) => {
      const bx = tf.mul(v, beta);
      return [tf.where(tf.greater(bx, threshold), dy, tf.mul(dy, tf.sigmoid(bx)))];
    },
  });
}
