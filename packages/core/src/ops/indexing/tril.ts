import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';

function band(input: Tensor, diagonal: number, lower: boolean, op: string): Tensor {
  const shape = input.shape;
  if (shape.length < 2) throw new ShapeError(`${op}: input tensor must have at least 2 dimensions (got shape [${shape.join(', ')}])`);
  if (!Number.isInteger(diagonal)) throw new ShapeError(`${op}: diagonal must be an integer (got ${diagonal})`);
  const [r, c] = shape.slice(-2);
  const keep = (): TfTensor =>
    tf.tidy(() => {
      const diff = tf.sub(tf.reshape(tf.range(0, c, 1, 'int32'), [1, c]), tf.reshape(tf.range(0, r, 1, 'int32'), [r, 1]));
      return lower ? tf.lessEqual(diff, diagonal) : tf.greaterEqual(diff, diagonal);
    });
  return runOp({
    name: lower ? 'Tril' : 'Triu',
    inputs: [input],
    forward: () => tf.tidy(() => tf.where(tf.broadcastTo(keep(), shape), input._value, tf.zeros(shape, input.dtype))),
    backward: (dy) => [tf.where(tf.broadcastTo(keep(), shape), dy, tf.zerosLike(dy))],
  });
}

/**
 * The lower triangle of the last two dimensions (the rest set to 0): elements with
 * `col - row <= diagonal`.
 *
 * @param diagonal which diagonal bounds the triangle (positive: above the main one). @default 0
 * @example
 * ```ts
 * dl.tril(dl.ones([3, 3])).tolist(); // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 * ```
 */
export function tril(input: Tensor, diagonal = 0): Tensor {
  assertTensor(input, 'tril');
  return band(input, diagonal, true, 'tril');
}

/**
 * The upper triangle of the last two dimensions (the rest set to 0): elements with
 * `col - row >= diagonal`.
 *
 * @param diagonal which diagonal bounds the triangle (positive: above the main one). @default 0
 * @example
 * ```ts
 * dl.triu(dl.ones([2, 3]), 1).tolist(); // [[0, 1, 1], [0, 0, 1]]
 * ```
 */
export function triu(input: Tensor, diagonal = 0): Tensor {
  assertTensor(input, 'triu');
  return band(input, diagonal, false, 'triu');
}
