import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';
import { assertNoIntegerZero } from './integer-division';

/**
 * Elementwise Python-style modulus: the result has the sign of the divisor (PyTorch's
 * `torch.remainder`). Integer division by zero throws; float gives NaN.
 *
 * @example
 * ```ts
 * dl.remainder(dl.tensor([-7.5, 7.5]), 2).tolist(); // [0.5, 1.5]
 * ```
 */
export function remainder(input: TensorLike, other: TensorLike): Tensor {
  const [a, b] = binaryOperands(input, other, 'remainder', 'int32');
  assertNoIntegerZero(b, 'remainder');
  return runOp({
    name: 'Remainder',
    inputs: [a, b],
    save: { inputs: [0, 1] },
    forward: () => tf.mod(a._value, b._value),
    backward: (dy, [av, bv], needs) => [needs[0] ? dy : null, needs[1] ? tf.mul(tf.neg(dy), tf.floor(tf.div(av, bv))) : null],
  });
}
