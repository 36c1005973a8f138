import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/**
 * Elementwise `x > threshold ? x : value` (PyTorch's `F.threshold`).
 *
 * @example
 * ```ts
 * dl.threshold(dl.tensor([0.5, 2]), 1, -1).tolist(); // [-1, 2]
 * ```
 */
export function threshold(input: Tensor, threshold: number, value: number): Tensor {
  if (typeof threshold !== 'number' || typeof value !== 'number') {
    throw new ArgumentTypeError(`threshold: threshold and value must be numbers, got ${typeof threshold} and ${typeof value}`);
  }
  const x = numericInput(input, 'threshold');
  return runOp({
    name: 'Threshold',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.where(tf.greater(x._value, threshold), x._value, tf.fill(x.shape, value, x.dtype))),
    backward: (dy, [v]) => [tf.where(tf.greater(v, threshold), dy, tf.zerosLike(dy))],
  });
}
