import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { rawSoftplus } from './raw';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `x * tanh(softplus(x))` (PyTorch's `F.mish`).
 *
 * @example
 * ```ts
 * dl.mish(dl.tensor([1])).tolist(); // [0.8651]
 * ```
 */
export function mish(input: Tensor): Tensor {
  const x = floatInput(input, 'mish');
  return runOp({
    name: 'Mish',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.mul(x._value, tf.tanh(rawSoftplus(x._value)))),
    backward: (dy, [v]) => {
      const t = tf.tanh(rawSoftplus(v));
      // d/dx x tanh(sp(x)) = tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2)
      return [tf.mul(dy, tf.add(t, tf.mul(tf.mul(v, tf.sigmoid(v)), tf.sub(1, tf.square(t)))))];
    },
  });
}
