import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link elu}. */
export interface EluOptions {
  /** Scale of the negative part `alpha * (e^x - 1)`. @default 1 */
  alpha?: number;
}

/**
 * Elementwise exponential linear unit `x > 0 ? x : alpha * (e^x - 1)` (PyTorch's `F.elu`).
 *
 * @example
 * ```ts
 * dl.elu(dl.tensor([-1, 2])).tolist(); // [-0.6321, 2]
 * ```
 */
export function elu(input: Tensor, options: EluOptions = {}): Tensor {
  assertOptions(options, 'elu', '{ alpha: 1 }');
  const alpha = options.alpha ?? 1;
  const x = floatInput(input, 'elu');
  return runOp({
    name: 'Elu',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.where(tf.greater(x._value, 0), x._value, tf.mul(tf.expm1(x._value), alpha))),
    backward: (dy, [xv]) => [tf.where(tf.greater(xv, 0), dy, tf.mul(dy, tf.mul(tf.exp(xv), alpha)))],
  });
}
