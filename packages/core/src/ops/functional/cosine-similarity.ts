import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { broadcastShapes } from '../operands';
import type { Tensor } from '../../tensor/tensor';
import { IndexError } from '../../errors/index-error';
import { assertTensor } from '../arg-checks';

/** Options of `cosineSimilarity`. */
export interface CosineSimilarityOptions {
  /** The dimension the vectors lie along. @default 1 */
  dim?: number;
  /** Lower bound of each norm, to avoid division by zero. @default 1e-8 */
  eps?: number;
}

/**
 * Cosine similarity of `x1` and `x2` along `dim`, `x1·x2 / (max(||x1||, eps) · max(||x2||, eps))`,
 * with broadcasting (PyTorch's `F.cosine_similarity`). The result drops `dim`.
 *
 * @param options `dim` (default 1), `eps` (default 1e-8).
 * @example
 * ```ts
 * dl.cosineSimilarity(dl.tensor([[1, 0]]), dl.tensor([[1, 1]])).tolist(); // [0.7071]
 * ```
 */
export function cosineSimilarity(x1: Tensor, x2: Tensor, options: CosineSimilarityOptions = {}): Tensor {
  assertTensor(x1, 'cosineSimilarity', 'x1');
  assertTensor(x2, 'cosineSimilarity', 'x2');
  const op = 'cosineSimilarity';
  const eps = options.eps ?? 1e-8;
  if (x1.dtype !== 'float32' || x2.dtype !== 'float32') {
    throw new DTypeError(`${op}: expected float32 inputs, got ${x1.dtype} and ${x2.dtype}`);
  }
  const shape = broadcastShapes(x1.shape, x2.shape, op);
  const rank = Math.max(shape.length, 1);
  const dim = options.dim ?? 1;
  if (!Number.isInteger(dim) || dim < -rank || dim >= rank) {
    throw new IndexError(`${op}: dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${dim})`);
  }
  const axis = dim < 0 ? dim + rank : dim;
  const scalar = shape.length === 0;
  const outShape = shape.filter((_, i) => i !== axis);
  const full = scalar ? [1] : shape;
  return runOp({
    name: 'CosineSimilarity',
    inputs: [x1, x2],
    save: { inputs: [0, 1] },
    forward: () =>
      tf.tidy(() => {
        const a = tf.broadcastTo(x1._value, full);
        const b = tf.broadcastTo(x2._value, full);
        const d1 = tf.maximum(tf.sqrt(tf.sum(tf.square(a), axis, true)), eps);
        const d2 = tf.maximum(tf.sqrt(tf.sum(tf.square(b), axis, true)), eps);
        return tf.reshape(tf.div(tf.sum(tf.mul(a, b), axis, true), tf.mul(d1, d2)), outShape);
      }),
    backward: (dy, [av, bv], needs) => {
      const a = tf.broadcastTo(av, full);
      const b = tf.broadcastTo(bv, full);
      const n1 = tf.sqrt(tf.sum(tf.square(a), axis, true));
      const n2 = tf.sqrt(tf.sum(tf.square(b), axis, true));
      const d1 = tf.maximum(n1, eps);
      const d2 = tf.maximum(n2, eps);
      const cos = tf.div(tf.sum(tf.mul(a, b), axis, true), tf.mul(d1, d2));
      const g = tf.reshape(dy, cos.shape);
      // d cos / d a = b / (d1 d2) - cos * a / (d1 n1) while ||a|| > eps (else the norm is constant).
      const part = (x: typeof a, y: typeof a, n: typeof a, d: typeof a, dOther: typeof a) => {
        const direct = tf.div(y, tf.mul(d, dOther));
        const radial = tf.where(tf.greater(n, eps), tf.div(tf.mul(cos, x), tf.mul(d, n)), tf.zerosLike(x));
        const grad = tf.mul(g, tf.sub(direct, radial));
        return scalar ? tf.reshape(grad, []) : grad;
      };
      return [needs[0] ? part(a, b, n1, d1, d2) : null, needs[1] ? part(b, a, n2, d2, d1) : null];
    },
  });
}
