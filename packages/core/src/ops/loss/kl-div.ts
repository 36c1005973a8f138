import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { checkFloat, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `klDiv`. */
export interface KlDivOptions {
  /**
   * 'mean' averages over every element, 'batchmean' divides the sum by the batch size (the
   * mathematical KL divergence), 'sum' and 'none' as usual. @default 'mean'
   */
  reduction?: 'mean' | 'batchmean' | 'sum' | 'none';
  /** The target holds log-probabilities instead of probabilities. @default false */
  logTarget?: boolean;
}

/**
 * Kullback-Leibler divergence `target (log(target) - input)` per element, where `input` holds
 * log-probabilities (PyTorch's `F.kl_div`; zero targets contribute 0). Both inputs get
 * gradients.
 *
 * @param input log-probabilities.
 * @param target probabilities (or log-probabilities with `logTarget`), of the input's shape.
 * @param options `reduction` (default 'mean'), `logTarget` (default false).
 * @example
 * ```ts
 * const logq = dl.logSoftmax(dl.tensor([[1, 2, 3]]), 1);
 * dl.klDiv(logq, dl.softmax(dl.tensor([[1, 2, 3]]), 1), { reduction: 'batchmean' }).item(); // 0
 * ```
 */
export function klDiv(input: Tensor, target: Tensor, options: KlDivOptions = {}): Tensor {
  assertTensor(input, 'klDiv');
  assertTensor(target, 'klDiv', 'target');
  const op = 'klDiv';
  const mode = checkReduction(options.reduction ?? 'mean', op, ['mean', 'batchmean', 'sum', 'none']);
  const logTarget = options.logTarget ?? false;
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  const batchmean = mode === 'batchmean';
  const batch = input.dim() > 0 ? input.shape[0] : 1;
  return elementwiseLoss({
    name: 'KlDiv',
    inputs: [input, target],
    reduction: batchmean ? (input.dim() > 0 ? 'mean' : 'sum') : mode,
    meanDivisor: batchmean ? batch : undefined,
    loss: ([x, t]) => {
      if (logTarget) return tf.mul(tf.exp(t), tf.sub(t, x));
      // xlogy(t, t) - t x, with 0 log 0 = 0.
      const tlogt = tf.where(tf.equal(t, 0), tf.zerosLike(t), tf.mul(t, tf.log(t)));
      return tf.sub(tlogt, tf.mul(t, x));
    },
    grads: ([x, t], g, needs) => {
      const dx = needs[0] ? tf.mul(g, logTarget ? tf.neg(tf.exp(t)) : tf.neg(t)) : null;
      let dt = null;
      if (needs[1]) {
        if (logTarget) dt = tf.mul(g, tf.mul(tf.exp(t), tf.add(tf.sub(t, x), 1)));
        else dt = tf.mul(g, tf.where(tf.greater(t, 0), tf.sub(tf.add(tf.log(t), 1), x), tf.zerosLike(t)));
      }
      return [dx, dt];
    },
  });
}
