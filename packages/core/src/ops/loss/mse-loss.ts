import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import { elementwiseLoss } from './elementwise-loss';
import { regressionArgs, type LossOptions } from './regression-args';
import { assertTensor } from '../arg-checks';

export type { LossOptions } from './regression-args';

/**
 * Mean squared error, `(input - target)^2` per element, then reduced (PyTorch's `F.mse_loss`).
 * Input and target must have the same shape; both get gradients.
 *
 * @param options `reduction`: 'mean' | 'sum' | 'none' (default 'mean').
 * @example
 * ```ts
 * dl.mseLoss(dl.tensor([1, 2]), dl.tensor([1, 4])).item(); // 2
 * ```
 */
export function mseLoss(input: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  assertTensor(input, 'mseLoss');
  assertTensor(target, 'mseLoss', 'target');
  const reduction = regressionArgs(input, target, 'mseLoss', options);
  return elementwiseLoss({
    name: 'MseLoss',
    inputs: [input, target],
    reduction,
    loss: ([x, t]) => tf.squaredDifference(x, t),
    grads: ([x, t], g, needs) => {
      const d = tf.mul(tf.mul(tf.sub(x, t), 2), g);
      return [needs[0] ? d : null, needs[1] ? tf.neg(d) : null];
    },
  });
}
