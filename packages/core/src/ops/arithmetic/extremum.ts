import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/**
 * @internal Elementwise maximum or minimum with PyTorch's gradient: the winner gets the
 * gradient, ties split it in half. NaN propagates. Bool operands give logical or / and.
 */
export function extremum(kind: 'max' | 'min', input: TensorLike, other: TensorLike): Tensor {
  const op = kind === 'max' ? 'maximum' : 'minimum';
  const [a, b] = binaryOperands(input, other, op);
  const name = kind === 'max' ? 'Maximum' : 'Minimum';
  if (a.dtype === 'bool') {
    return runOp({ name, inputs: [a, b], forward: () => (kind === 'max' ? tf.logicalOr(a._value, b._value) : tf.logicalAnd(a._value, b._value)) });
  }
  return runOp({
    name,
    inputs: [a, b],
    save: { inputs: [0, 1] },
    forward: () =>
      tf.tidy(() => {
        const av = a._value;
        const bv = b._value;
        const m = kind === 'max' ? tf.maximum(av, bv) : tf.minimum(av, bv);
        if (a.dtype !== 'float32') return m;
        // wasm's kernels return the first operand when the second is NaN: propagate explicitly.
        return tf.where(tf.isNaN(av), av, tf.where(tf.isNaN(bv), bv, m));
      }),
    backward: (dy, [av, bv], needs) => {
      const zero = tf.zerosLike(dy);
      const half = tf.where(tf.equal(av, bv), tf.mul(dy, 0.5), dy);
      const aWins = kind === 'max' ? tf.greaterEqual(av, bv) : tf.lessEqual(av, bv);
      const bWins = kind === 'max' ? tf.lessEqual(av, bv) : tf.greaterEqual(av, bv);
      return [needs[0] ? tf.where(aWins, half, zero) : null, needs[1] ? tf.where(bWins, half, zero) : null];
    },
  });
}
