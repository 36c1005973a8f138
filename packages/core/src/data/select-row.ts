import { tf } from '../backend/tfjs';
import { runOp } from '../autograd/run-op';
import type { Tensor } from '../tensor/tensor';

/** @internal `t[i]` along the first dimension (differentiable), for TensorDataset items. */
export function selectRow(t: Tensor, i: number): Tensor {
  const shape = t.shape;
  const n = shape[0];
  return runOp({
    name: 'Select',
    inputs: [t],
    forward: () => tf.tidy(() => tf.reshape(tf.slice(t._value, [i], [1]), shape.slice(1))),
    backward: (dy) => [tf.tidy(() => tf.pad(tf.reshape(dy, [1, ...shape.slice(1)]), [[i, n - i - 1], ...shape.slice(1).map((): [number, number] => [0, 0])]))],
  });
}
