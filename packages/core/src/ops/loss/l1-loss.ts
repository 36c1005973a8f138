import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { elementwiseLoss } from './elementwise-loss';
import { regressionArgs, type LossOptions } from './regression-args';
import { assertTensor } from '../arg-checks';

/**
 * Mean absolute error, `|input - target|` per element, then reduced (PyTorch's `F.l1_loss`).
 *
 * @param options `reduction`: 'mean' | 'sum' | 'none' (default 'mean').
 * @example
 * ```ts
 * dl.l1Loss(dl.tensor([1, 2]), dl.tensor([1, 4])).item(); // 1
 * ```
 */
export function l1Loss(input: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  assertTensor(input, 'l1Loss');
  assertTensor(target, 'l1Loss', 'target');
  const reduction = regressionArgs(input, target, 'l1Loss', options);
  return elementwiseLoss({
    name: 'L1Loss',
    inputs: [input, target],
    reduction,
    loss: ([x, t]) => tf.abs(tf.sub(x, t)),
    grads: ([x, t], g, needs) => {
      const d = tf.mul(tf.sign(tf.sub(x, t)), g);
      return [needs[0] ? d : null, needs[1] ? tf.neg(d) : null];
    },
  });
}
