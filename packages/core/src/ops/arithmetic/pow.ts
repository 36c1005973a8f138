import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/**
 * Elementwise `input ^ exponent` with broadcasting (PyTorch's `torch.pow`); either side may be a
 * number. Integer tensors to integer powers stay integer; a negative integer number as the
 * exponent of an integer tensor throws, as in PyTorch. Gradients follow PyTorch's (0 where the
 * exponent is 0; for the exponent, 0 where the base is 0 and the exponent non-negative).
 *
 * @example
 * ```ts
 * dl.pow(dl.tensor([2, 3]), 2).tolist(); // [4, 9]
 * dl.pow(2, dl.tensor([0, 3])).tolist(); // [1, 8]
 * ```
 */
export function pow(input: TensorLike, exponent: TensorLike): Tensor {
  const [a, b] = binaryOperands(input, exponent, 'pow', 'int32', ['input', 'exponent']);
  if (a.dtype !== 'float32' && typeof exponent === 'number' && exponent < 0) {
    throw new ValueError(`pow: integers to negative integer powers are not allowed (got exponent ${exponent} for dtype ${a.dtype})`);
  }
  return runOp({
    name: 'Pow',
    inputs: [a, b],
    save: { inputs: [0, 1], output: true },
    forward: () => tf.pow(a._value, b._value),
    backward: (dy, [av, bv, out], needs) => {
      const zero = tf.zerosLike(dy);
      const ga = needs[0]
        ? tf.where(tf.equal(bv, 0), zero, tf.mul(dy, tf.mul(bv, tf.pow(av, tf.sub(bv, 1)))))
        : null;
      const gb = needs[1]
        ? tf.where(tf.logicalAnd(tf.equal(av, 0), tf.greaterEqual(bv, 0)), zero, tf.mul(dy, tf.mul(out, tf.log(av))))
        : null;
      return [ga, gb];
    },
  });
}
