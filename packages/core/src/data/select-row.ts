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

/**
 * @internal `t[indices]` along the first dimension with one gather (differentiable: the gradient
 * of repeated rows adds up), for TensorDataset batches. Indices must be in range (non-negative).
 */
export function selectRows(t: Tensor, indices: readonly number[]): Tensor {
  const n = t.shape[0];
  const index = Int32Array.from(indices);
  return runOp({
    name: 'IndexSelect',
    inputs: [t],
    forward: () => tf.tidy(() => tf.gather(t._value, tf.tensor1d(index, 'int32'), 0)),
    backward: (dy) => [tf.tidy(() => tf.unsortedSegmentSum(dy, tf.tensor1d(index, 'int32'), n))],
  });
}
