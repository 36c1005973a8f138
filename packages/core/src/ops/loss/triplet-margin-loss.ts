import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { ShapeError } from '../../errors/shape-error';
import { pairwiseDistance } from '../functional/pairwise-distance';
import { checkFloat, checkNumber } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `tripletMarginLoss`. */
export interface TripletMarginLossOptions {
  /** How much closer the positive must be than the negative. @default 1 */
  margin?: number;
  /** The norm degree of the pairwise distance. @default 2 */
  p?: number;
  /** Added to differences inside the distance. @default 1e-6 */
  eps?: number;
  /** Use the distance between positive and negative when it is smaller (distance swap). @default false */
  swap?: boolean;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Triplet loss `max(d(a, p) - d(a, n) + margin, 0)` with the pairwise p-norm distance
 * (PyTorch's `F.triplet_margin_loss`). Inputs are (N, D) or (D) and have one number of dimensions.
 *
 * @param options `margin` (default 1), `p` (default 2), `eps` (default 1e-6), `swap` (default
 *   false), `reduction` (default 'mean').
 * @example
 * ```ts
 * const a = dl.tensor([[0, 0]]), p = dl.tensor([[0, 1]]), n = dl.tensor([[0, 3]]);
 * dl.tripletMarginLoss(a, p, n, { eps: 0 }).item(); // 0
 * ```
 */
export function tripletMarginLoss(anchor: Tensor, positive: Tensor, negative: Tensor, options: TripletMarginLossOptions = {}): Tensor {
  assertTensor(anchor, 'tripletMarginLoss', 'anchor');
  assertTensor(positive, 'tripletMarginLoss', 'positive');
  assertTensor(negative, 'tripletMarginLoss', 'negative');
  const op = 'tripletMarginLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const margin = options.margin ?? 1;
  const p = options.p ?? 2;
  const eps = options.eps ?? 1e-6;
  checkNumber(margin, op, 'margin', Number.isFinite, 'a finite number');
  checkFloat(anchor, op, 'anchor');
  checkFloat(positive, op, 'positive');
  checkFloat(negative, op, 'negative');
  const [ra, rp, rn] = [anchor.dim(), positive.dim(), negative.dim()];
  if (ra !== rp || ra !== rn) {
    throw new ShapeError(
      `${op}: the anchor, positive and negative tensors must have the same number of dimensions, got ${ra}-D, ${rp}-D and ${rn}-D inputs`,
    );
  }
  const opts = { p, eps };
  const dPos = pairwiseDistance(anchor, positive, opts);
  const dNeg = pairwiseDistance(anchor, negative, opts);
  const inputs = options.swap ? [dPos, dNeg, pairwiseDistance(positive, negative, opts)] : [dPos, dNeg];
  return elementwiseLoss({
    name: 'TripletMarginLoss',
    inputs,
    reduction,
    loss: ([dp, dn, ds]) => tf.relu(tf.add(tf.sub(dp, ds ? tf.minimum(dn, ds) : dn), margin)),
    grads: ([dp, dn, ds], g, needs) => {
      const neg = ds ? tf.minimum(dn, ds) : dn;
      const active = tf.mul(g, tf.cast(tf.greater(tf.add(tf.sub(dp, neg), margin), 0), 'float32'));
      const toDn = ds ? tf.mul(active, tf.cast(tf.lessEqual(dn, ds), 'float32')) : active;
      const out = [needs[0] ? active : null, needs[1] ? tf.neg(toDn) : null];
      if (ds) out.push(needs[2] ? tf.neg(tf.sub(active, toDn)) : null);
      return out;
    },
  });
}
