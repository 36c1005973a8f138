import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { checkFloat, checkNumeric, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `marginRankingLoss`. */
export interface MarginRankingLossOptions {
  /** The margin the ranking must hold by. @default 0 */
  margin?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Ranking loss `max(0, -target (input1 - input2) + margin)`: target 1 means input1 should rank
 * higher, -1 lower (PyTorch's `F.margin_ranking_loss`). All three tensors have one shape.
 *
 * @param options `margin` (default 0), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.marginRankingLoss(dl.tensor([1, 0]), dl.tensor([0, 1]), dl.tensor([1, 1])).item(); // 0.5
 * ```
 */
export function marginRankingLoss(input1: Tensor, input2: Tensor, target: Tensor, options: MarginRankingLossOptions = {}): Tensor {
  assertTensor(input1, 'marginRankingLoss', 'input1');
  assertTensor(input2, 'marginRankingLoss', 'input2');
  assertTensor(target, 'marginRankingLoss', 'target');
  const op = 'marginRankingLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const margin = options.margin ?? 0;
  checkFloat(input1, op, 'input1');
  checkFloat(input2, op, 'input2');
  checkNumeric(target, op, 'target');
  checkSameShape(input1, input2, op, 'input2');
  checkSameShape(input1, target, op);
  return elementwiseLoss({
    name: 'MarginRankingLoss',
    inputs: [input1, input2, castTo(target, 'float32')],
    reduction,
    loss: ([a, b, y]) => tf.relu(tf.add(tf.mul(tf.neg(y), tf.sub(a, b)), margin)),
    grads: ([a, b, y], g, needs) => {
      const active = tf.cast(tf.greater(tf.add(tf.mul(tf.neg(y), tf.sub(a, b)), margin), 0), 'float32');
      const ga = tf.mul(g, active);
      return [
        needs[0] ? tf.mul(ga, tf.neg(y)) : null,
        needs[1] ? tf.mul(ga, y) : null,
        needs[2] ? tf.mul(ga, tf.neg(tf.sub(a, b))) : null,
      ];
    },
  });
}
