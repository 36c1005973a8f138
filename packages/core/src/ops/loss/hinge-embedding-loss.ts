import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { checkFloat, checkNumeric, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `hingeEmbeddingLoss`. */
export interface HingeEmbeddingLossOptions {
  /** The margin for targets of -1. @default 1 */
  margin?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Hinge embedding loss: `input` where the target is 1 and `max(0, margin - input)` where it is
 * -1, as PyTorch computes it (other target values get both terms; PyTorch's
 * `F.hinge_embedding_loss`).
 *
 * @param input distances, usually non-negative.
 * @param target 1 or -1 per element, of the input's shape.
 * @param options `margin` (default 1), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.hingeEmbeddingLoss(dl.tensor([0.3, 0.2]), dl.tensor([1, -1])).item(); // 0.55
 * ```
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, options: HingeEmbeddingLossOptions = {}): Tensor {
  assertTensor(input, 'hingeEmbeddingLoss');
  assertTensor(target, 'hingeEmbeddingLoss', 'target');
  const op = 'hingeEmbeddingLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const margin = options.margin ?? 1;
  checkFloat(input, op, 'input');
  checkNumeric(target, op, 'target');
  checkSameShape(input, target, op);
  return elementwiseLoss({
    name: 'HingeEmbeddingLoss',
    inputs: [input, castTo(target, 'float32')],
    reduction,
    loss: ([x, y]) => {
      const zero = tf.zerosLike(x);
      const marginPart = tf.where(tf.notEqual(y, 1), tf.relu(tf.sub(margin, x)), zero);
      return tf.add(marginPart, tf.where(tf.notEqual(y, -1), x, zero));
    },
    grads: ([x, y], g, needs) => {
      if (!needs[0]) return [null, needs[1] ? tf.zerosLike(y) : null];
      const zero = tf.zerosLike(x);
      const fromMargin = tf.where(tf.logicalAnd(tf.notEqual(y, 1), tf.greater(tf.sub(margin, x), 0)), tf.onesLike(x), zero);
      const fromSelf = tf.where(tf.notEqual(y, -1), tf.onesLike(x), zero);
      return [tf.mul(g, tf.sub(fromSelf, fromMargin)), needs[1] ? tf.zerosLike(y) : null];
    },
  });
}
