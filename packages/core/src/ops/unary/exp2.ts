import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `2^x` (PyTorch's `torch.exp2`); exact for integer exponents.
 *
 * @example
 * ```ts
 * dl.exp2(dl.tensor([3, -1])).tolist(); // [8, 0.5]
 * ```
 */
export function exp2(input: Tensor): Tensor {
  const x = floatInput(input, 'exp2');
  return runOp({
    name: 'Exp2',
    inputs: [x],
    save: { output: true },
    forward: () => tf.tidy(() => tf.pow(tf.scalar(2), x._value)),
    backward: (dy, [y]) => [tf.mul(dy, tf.mul(y, Math.LN2))],
  });
}
