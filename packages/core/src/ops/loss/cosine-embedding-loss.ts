import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { ShapeError } from '../../errors/shape-error';
import { runOp } from '../../autograd/run-op';
import { castTo } from '../operands';
import { checkFloat, checkNumeric, checkSameShape } from './checks';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `cosineEmbeddingLoss`. */
export interface CosineEmbeddingLossOptions {
  /** Cosine similarity above which dissimilar pairs (target -1) are penalised. @default 0 */
  margin?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

// PyTorch adds this to the squared norms.
const EPSILON = 1e-12;

/**
 * Cosine embedding loss over pairs of rows: `1 - cos(x1, x2)` for target 1 and
 * `max(0, cos(x1, x2) - margin)` for target -1 (PyTorch's `F.cosine_embedding_loss`).
 *
 * @param input1 (N, D) or (D).
 * @param input2 of input1's shape.
 * @param target 1 or -1 per pair: (N), or 0-d for 1-D inputs.
 * @param options `margin` (default 0), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.cosineEmbeddingLoss(dl.tensor([[1, 0]]), dl.tensor([[0, 1]]), dl.tensor([1])).item(); // 1
 * ```
 */
export function cosineEmbeddingLoss(input1: Tensor, input2: Tensor, target: Tensor, options: CosineEmbeddingLossOptions = {}): Tensor {
  assertTensor(input1, 'cosineEmbeddingLoss', 'input1');
  assertTensor(input2, 'cosineEmbeddingLoss', 'input2');
  assertTensor(target, 'cosineEmbeddingLoss', 'target');
  const op = 'cosineEmbeddingLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const margin = options.margin ?? 0;
  checkFloat(input1, op, 'input1');
  checkFloat(input2, op, 'input2');
  checkNumeric(target, op, 'target');
  checkSameShape(input1, input2, op, 'input2');
  const r = input1.dim();
  if ((r !== 1 && r !== 2) || target.dim() !== r - 1 || (r === 2 && target.shape[0] !== input1.shape[0])) {
    throw new ShapeError(
      `${op}: expected inputs of shape (N, D) with target (N), or (D) with a 0-d target; got inputs of shape [${input1.shape.join(', ')}] and target of shape [${target.shape.join(', ')}]`,
    );
  }
  const axis = r - 1;
  const y = castTo(target, 'float32');
  const stats = (a: tf.Tensor, b: tf.Tensor) => {
    const prod = tf.sum(tf.mul(a, b), axis);
    const m1 = tf.add(tf.sum(tf.square(a), axis), EPSILON);
    const m2 = tf.add(tf.sum(tf.square(b), axis), EPSILON);
    const denom = tf.sqrt(tf.mul(m1, m2));
    return { cos: tf.div(prod, denom), m1, m2, denom };
  };
  return runOp({
    name: 'CosineEmbeddingLoss',
    inputs: [input1, input2, y],
    save: { inputs: 'all' },
    forward: () =>
      tf.tidy(() => {
        const { cos } = stats(input1._value, input2._value);
        const yv = y._value;
        const zero = tf.zerosLike(cos);
        const l = tf.add(tf.where(tf.equal(yv, 1), tf.sub(1, cos), zero), tf.where(tf.equal(yv, -1), tf.relu(tf.sub(cos, margin)), zero));
        if (reduction === 'none') return l;
        return reduction === 'sum' ? tf.sum(l) : tf.mean(l);
      }),
    backward: (dy, [a, b, yv], needs) => {
      const { cos, m1, m2, denom } = stats(a, b);
      const count = cos.size;
      const g = reduction === 'mean' ? tf.div(tf.broadcastTo(dy, cos.shape), count) : tf.broadcastTo(dy, cos.shape);
      const zero = tf.zerosLike(cos);
      // d loss / d cos: -1 for similar pairs, 1 for dissimilar pairs above the margin.
      const slope = tf.add(
        tf.where(tf.equal(yv, 1), tf.fill(cos.shape, -1), zero),
        tf.where(tf.logicalAnd(tf.equal(yv, -1), tf.greater(cos, margin)), tf.onesLike(cos), zero),
      );
      const gc = tf.expandDims(tf.mul(g, slope), axis);
      const c = tf.expandDims(cos, axis);
      const d = tf.expandDims(denom, axis);
      // d cos / d a = b / denom - cos a / m1 (and symmetrically for b).
      const da = needs[0] ? tf.mul(gc, tf.sub(tf.div(b, d), tf.div(tf.mul(c, a), tf.expandDims(m1, axis)))) : null;
      const db = needs[1] ? tf.mul(gc, tf.sub(tf.div(a, d), tf.div(tf.mul(c, b), tf.expandDims(m2, axis)))) : null;
      return [da, db, needs[2] ? tf.zerosLike(yv) : null];
    },
  });
}
