import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';
import { rawTrunc } from '../unary/raw';
import { assertNoIntegerZero } from './integer-division';

/**
 * Elementwise C-style modulus: the result has the sign of the dividend (PyTorch's
 * `torch.fmod`). Integer division by zero throws; float gives NaN.
 *
 * @example
 * ```ts
 * dl.fmod(dl.tensor([-7.5, 7.5]), 2).tolist(); // [-1.5, 1.5]
 * ```
 */
export function fmod(input: TensorLike, other: TensorLike): Tensor {
  const [a, b] = binaryOperands(input, other, 'fmod', 'int32');
  assertNoIntegerZero(b, 'fmod');
  return runOp({
    name: 'Fmod',
    inputs: [a, b],
    save: { inputs: [0, 1] },
    forward: () =>
      tf.tidy(() => {
        // From the floor modulus: move it to the dividend's side when the signs differ.
        const r = tf.mod(a._value, b._value);
        const wrong = tf.logicalAnd(tf.notEqual(r, 0), tf.notEqual(tf.less(r, 0), tf.less(a._value, 0)));
        return tf.where(wrong, tf.sub(r, b._value), r);
      }),
    backward: (dy, [av, bv], needs) => [needs[0] ? dy : null, needs[1] ? tf.mul(tf.neg(dy), rawTrunc(tf.div(av, bv))) : null],
  });
}
