import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise sigmoid linear unit (swish) `x * sigmoid(x)` (PyTorch's `F.silu`).
 *
 * @example
 * ```ts
 * dl.silu(dl.tensor([0, 1])).tolist(); // [0, 0.7311]
 * ```
 */
export function silu(input: Tensor): Tensor {
  const x = floatInput(input, 'silu');
  return runOp({
    name: 'Silu',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.mul(x._value, tf.sigmoid(x._value))),
    backward: (dy, [v]) => {
      const s = tf.sigmoid(v);
      return [tf.mul(dy, tf.mul(s, tf.add(tf.mul(v, tf.sub(1, s)), 1)))];
    },
  });
}
