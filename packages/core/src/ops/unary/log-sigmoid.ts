import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { rawSoftplus } from './raw';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `log(sigmoid(x))`, computed stably as `-softplus(-x)` (PyTorch's `F.logsigmoid`).
 *
 * @example
 * ```ts
 * dl.logSigmoid(dl.tensor([0, -100])).tolist(); // [-0.6931, -100]
 * ```
 */
export function logSigmoid(input: Tensor): Tensor {
  const x = floatInput(input, 'logSigmoid');
  return runOp({
    name: 'LogSigmoid',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.neg(rawSoftplus(tf.neg(x._value)))),
    backward: (dy, [v]) => [tf.mul(dy, tf.sigmoid(tf.neg(v)))],
  });
}
