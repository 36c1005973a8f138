import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `x * relu6(x + 3) / 6` (PyTorch's `F.hardswish`).
 *
 * @example
 * ```ts
 * dl.hardswish(dl.tensor([-4, 1, 4])).tolist(); // [0, 0.6667, 4]
 * ```
 */
export function hardswish(input: Tensor): Tensor {
  const x = floatInput(input, 'hardswish');
  return runOp({
    name: 'Hardswish',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.div(tf.mul(x._value, tf.clipByValue(tf.add(x._value, 3), 0, 6)), 6)),
    backward: (dy, [v]) => {
      // PyTorch: 0 below -3, x / 3 + 0.5 on [-3, 3], 1 above.
      const mid = tf.add(tf.div(v, 3), 0.5);
      const slope = tf.where(tf.less(v, -3), tf.zerosLike(v), tf.where(tf.lessEqual(v, 3), mid, tf.onesLike(v)));
      return [tf.mul(dy, slope)];
    },
  });
}
