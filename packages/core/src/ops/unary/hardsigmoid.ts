import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise piecewise-linear sigmoid `relu6(x + 3) / 6` (PyTorch's `F.hardsigmoid`).
 *
 * @example
 * ```ts
 * dl.hardsigmoid(dl.tensor([-4, 0, 4])).tolist(); // [0, 0.5, 1]
 * ```
 */
export function hardsigmoid(input: Tensor): Tensor {
  const x = floatInput(input, 'hardsigmoid');
  return runOp({
    name: 'Hardsigmoid',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.div(tf.clipByValue(tf.add(x._value, 3), 0, 6), 6)),
    backward: (dy, [v]) => [tf.where(tf.logicalAnd(tf.greater(v, -3), tf.less(v, 3)), tf.div(dy, 6), tf.zerosLike(dy))],
  });
}
