import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { broadcastShapes } from '../operands';
import type { Tensor } from '../../tensor/tensor';
import { checkOrder, pNorm, pNormGrad } from './p-norm';
import { assertTensor } from '../arg-checks';

/** Options of `pairwiseDistance`. */
export interface PairwiseDistanceOptions {
  /** The exponent of the norm. @default 2 */
  p?: number;
  /** Added to the difference, to avoid division by zero in the gradient. @default 1e-6 */
  eps?: number;
  /** Keep the last dimension (as size 1). @default false */
  keepdim?: boolean;
}

/**
 * The p-norm distance between the rows of `x1` and `x2` along their last dimension,
 * `||x1 - x2 + eps||_p`, with broadcasting (PyTorch's `F.pairwise_distance`).
 *
 * @param options `p` (default 2), `eps` (default 1e-6), `keepdim` (default false).
 * @example
 * ```ts
 * dl.pairwiseDistance(dl.tensor([[0, 0]]), dl.tensor([[3, 4]]), { eps: 0 }).tolist(); // [5]
 * ```
 */
export function pairwiseDistance(x1: Tensor, x2: Tensor, options: PairwiseDistanceOptions = {}): Tensor {
  assertTensor(x1, 'pairwiseDistance', 'x1');
  assertTensor(x2, 'pairwiseDistance', 'x2');
  const op = 'pairwiseDistance';
  const p = options.p ?? 2;
  const eps = options.eps ?? 1e-6;
  const keepdim = options.keepdim ?? false;
  checkOrder(p, op);
  if (x1.dtype !== 'float32' || x2.dtype !== 'float32') {
    throw new DTypeError(`${op}: expected float32 inputs, got ${x1.dtype} and ${x2.dtype}`);
  }
  const shape = broadcastShapes(x1.shape, x2.shape, op);
  const scalar = shape.length === 0;
  const full = scalar ? [1] : shape;
  const axis = full.length - 1;
  const outShape = keepdim ? full.map((d, i) => (i === axis ? 1 : d)) : full.slice(0, axis);
  return runOp({
    name: 'PairwiseDistance',
    inputs: [x1, x2],
    save: { inputs: [0, 1] },
    forward: () =>
      tf.tidy(() => {
        const diff = tf.add(tf.sub(tf.broadcastTo(x1._value, full), tf.broadcastTo(x2._value, full)), eps);
        return tf.reshape(pNorm(diff, p, axis), outShape);
      }),
    backward: (dy, [a, b], needs) => {
      const diff = tf.add(tf.sub(tf.broadcastTo(a, full), tf.broadcastTo(b, full)), eps);
      const norm = pNorm(diff, p, axis);
      const grad = pNormGrad(diff, norm, tf.reshape(dy, norm.shape), p, axis);
      const g = scalar ? tf.reshape(grad, []) : grad;
      return [needs[0] ? g : null, needs[1] ? tf.neg(g) : null];
    },
  });
}
