import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * Elementwise absolute value (PyTorch's `torch.abs`); integer tensors stay integer. The gradient
 * at 0 is 0, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.abs(dl.tensor([-1.5, 2])).tolist(); // [1.5, 2]
 * ```
 */
export function abs(input: Tensor): Tensor {
  const x = numericInput(input, 'abs');
  return runOp({
    name: 'Abs',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.abs(x._value),
    backward: (dy, [xv]) => [tf.mul(dy, tf.sign(xv))],
  });
}
