import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkBroadcastsTo, checkFloat, checkNoGrad, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `binaryCrossEntropyWithLogits`. */
export interface BinaryCrossEntropyWithLogitsOptions {
  /** Rescaling weight, broadcast to the input's shape (not differentiable, as in PyTorch). @default null */
  weight?: Tensor | null;
  /** Weight of the positive examples, broadcast along the last (class) dimension. @default null */
  posWeight?: Tensor | null;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Binary cross entropy on logits, `w ((1 - t) x + (1 + (p - 1) t) log(1 + exp(-x)))`, computed
 * stably in one op (PyTorch's `F.binary_cross_entropy_with_logits`); `p` is `posWeight`.
 *
 * @param input logits.
 * @param target values in [0, 1], of the input's shape.
 * @param options `weight` (default null), `posWeight` (default null), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.binaryCrossEntropyWithLogits(dl.tensor([2, -1]), dl.tensor([1, 0])).item(); // 0.2201
 * ```
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, options: BinaryCrossEntropyWithLogitsOptions = {}): Tensor {
  assertTensor(input, 'binaryCrossEntropyWithLogits');
  assertTensor(target, 'binaryCrossEntropyWithLogits', 'target');
  const op = 'binaryCrossEntropyWithLogits';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const weight = options.weight ?? null;
  const posWeight = options.posWeight ?? null;
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  for (const [t, what] of [
    [weight, 'weight'],
    [posWeight, 'posWeight'],
  ] as const) {
    if (!t) continue;
    checkFloat(t, op, what);
    checkBroadcastsTo(t, input.shape, op, what);
    checkNoGrad(t, op, what);
  }
  const inputs = [input, target];
  const wAt = weight ? inputs.push(weight) - 1 : -1;
  const pAt = posWeight ? inputs.push(posWeight) - 1 : -1;
  // log(1 + exp(-x)), stably.
  const softplusNeg = (x: tf.Tensor) => tf.add(tf.relu(tf.neg(x)), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
  return elementwiseLoss({
    name: 'BinaryCrossEntropyWithLogits',
    inputs,
    reduction,
    loss: (v) => {
      const [x, t] = v;
      const sp = softplusNeg(x);
      const logWeight = pAt >= 0 ? tf.add(tf.mul(tf.sub(v[pAt], 1), t), 1) : null;
      const l = tf.add(tf.mul(tf.sub(1, t), x), logWeight ? tf.mul(logWeight, sp) : sp);
      return wAt >= 0 ? tf.mul(l, v[wAt]) : l;
    },
    grads: (v, g, needs) => {
      const [x, t] = v;
      const gw = wAt >= 0 ? tf.mul(g, v[wAt]) : g;
      const out: (tf.Tensor | null)[] = v.map(() => null);
      if (needs[0]) {
        const s = tf.sigmoid(x);
        out[0] = pAt >= 0 ? tf.mul(gw, tf.sub(tf.mul(tf.add(tf.mul(v[pAt], t), tf.sub(1, t)), s), tf.mul(v[pAt], t))) : tf.mul(gw, tf.sub(s, t));
      }
      if (needs[1]) {
        const base = tf.neg(x);
        out[1] = tf.mul(gw, pAt >= 0 ? tf.add(base, tf.mul(tf.sub(v[pAt], 1), softplusNeg(x))) : base);
      }
      return out;
    },
  });
}
