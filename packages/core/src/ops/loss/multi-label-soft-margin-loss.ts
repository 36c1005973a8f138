import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { ShapeError } from '../../errors/shape-error';
import { checkBroadcastsTo, checkFloat, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `multiLabelSoftMarginLoss`. */
export interface MultiLabelSoftMarginLossOptions {
  /** Per-class rescaling weight, broadcast against the input (usually shape [C]). @default null */
  weight?: Tensor | null;
  /** 'mean' | 'sum' | 'none' (over samples). @default 'mean' */
  reduction?: Reduction;
}

/**
 * Multi-label one-versus-all logistic loss: per sample,
 * `-mean_c w_c (t_c log sigmoid(x_c) + (1 - t_c) log sigmoid(-x_c))` over the last (class)
 * dimension, then reduced over samples (PyTorch's `F.multilabel_soft_margin_loss`).
 *
 * @param input logits (N, C) or (C).
 * @param target 0/1 labels (or probabilities) of the input's shape.
 * @param options `weight` (default null), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.multiLabelSoftMarginLoss(dl.tensor([[2, -1]]), dl.tensor([[1, 0]])).item(); // 0.2201
 * ```
 */
export function multiLabelSoftMarginLoss(input: Tensor, target: Tensor, options: MultiLabelSoftMarginLossOptions = {}): Tensor {
  assertTensor(input, 'multiLabelSoftMarginLoss');
  assertTensor(target, 'multiLabelSoftMarginLoss', 'target');
  const op = 'multiLabelSoftMarginLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const weight = options.weight ?? null;
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  if (input.dim() === 0) throw new ShapeError(`${op}: expected input of shape (N, C) or (C), got []`);
  if (weight) {
    checkFloat(weight, op, 'weight');
    checkBroadcastsTo(weight, input.shape, op, 'weight');
  }
  const c = input.shape[input.dim() - 1];
  return elementwiseLoss({
    name: 'MultiLabelSoftMarginLoss',
    inputs: weight ? [input, target, weight] : [input, target],
    reduction,
    rowSum: true,
    loss: ([x, t, w]) => {
      // -log sigmoid(x) = softplus(-x); -log sigmoid(-x) = softplus(x).
      const l = tf.div(tf.add(tf.mul(t, tf.softplus(tf.neg(x))), tf.mul(tf.sub(1, t), tf.softplus(x))), c);
      return w ? tf.mul(l, w) : l;
    },
    grads: ([x, t, w], g, needs) => {
      const gw = tf.div(w ? tf.mul(g, w) : g, c);
      return [
        needs[0] ? tf.mul(gw, tf.sub(tf.sigmoid(x), t)) : null,
        needs[1] ? tf.mul(gw, tf.neg(x)) : null,
        w && needs[2] ? tf.mul(tf.div(g, c), tf.add(tf.mul(t, tf.softplus(tf.neg(x))), tf.mul(tf.sub(1, t), tf.softplus(x)))) : null,
      ];
    },
  });
}
