import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkBroadcastsTo, checkFloat, checkNoGrad, checkRange, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `binaryCrossEntropy`. */
export interface BinaryCrossEntropyOptions {
  /** Rescaling weight, broadcast to the input's shape (not differentiable, as in PyTorch). @default null */
  weight?: Tensor | null;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Binary cross entropy between probabilities and targets,
 * `-w (t log(x) + (1 - t) log(1 - x))`, with each log clamped to at least -100 as PyTorch does
 * (PyTorch's `F.binary_cross_entropy`). Input values must lie in [0, 1].
 *
 * @param input probabilities in [0, 1].
 * @param target values in [0, 1], of the input's shape.
 * @param options `weight` (default null), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.binaryCrossEntropy(dl.tensor([0.8, 0.2]), dl.tensor([1, 0])).item(); // 0.2231
 * ```
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, options: BinaryCrossEntropyOptions = {}): Tensor {
  assertTensor(input, 'binaryCrossEntropy');
  assertTensor(target, 'binaryCrossEntropy', 'target');
  const op = 'binaryCrossEntropy';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const weight = options.weight ?? null;
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  if (weight) {
    checkFloat(weight, op, 'weight');
    checkBroadcastsTo(weight, input.shape, op, 'weight');
    checkNoGrad(weight, op, 'weight');
  }
  checkRange(input, 0, 1, op, 'input');
  const inputs = weight ? [input, target, weight] : [input, target];
  const logs = (x: tf.Tensor) => [tf.maximum(tf.log(x), -100), tf.maximum(tf.log(tf.sub(1, x)), -100)];
  return elementwiseLoss({
    name: 'BinaryCrossEntropy',
    inputs,
    reduction,
    loss: ([x, t, w]) => {
      const [logX, log1mX] = logs(x);
      const l = tf.neg(tf.add(tf.mul(t, logX), tf.mul(tf.sub(1, t), log1mX)));
      return w ? tf.mul(l, w) : l;
    },
    grads: ([x, t, w], g, needs) => {
      const gw = w ? tf.mul(g, w) : g;
      // PyTorch's backward: (x - t) / max(x (1 - x), 1e-12).
      const dx = needs[0] ? tf.mul(gw, tf.div(tf.sub(x, t), tf.maximum(tf.mul(x, tf.sub(1, x)), 1e-12))) : null;
      let dt = null;
      if (needs[1]) {
        const [logX, log1mX] = logs(x);
        dt = tf.mul(gw, tf.sub(log1mX, logX));
      }
      return [dx, dt, null];
    },
  });
}
