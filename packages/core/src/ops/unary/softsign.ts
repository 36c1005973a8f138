import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `x / (1 + |x|)` (PyTorch's `F.softsign`).
 *
 * @example
 * ```ts
 * dl.softsign(dl.tensor([1, -3])).tolist(); // [0.5, -0.75]
 * ```
 */
export function softsign(input: Tensor): Tensor {
  const x = floatInput(input, 'softsign');
  return runOp({
    name: 'Softsign',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.div(x._value, tf.add(tf.abs(x._value), 1))),
    backward: (dy, [v]) => [tf.div(dy, tf.square(tf.add(tf.abs(v), 1)))],
  });
}
