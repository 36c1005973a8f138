import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';

/**
 * One-hot encoding of integer class indices: the result has the input's shape plus a last
 * dimension of `numClasses`, with 1 at each index and 0 elsewhere (int32, PyTorch's
 * `F.one_hot`).
 *
 * @param numClasses the size of the new dimension; -1 takes the largest index plus one. @default -1
 * @example
 * ```ts
 * dl.oneHot(dl.tensor([0, 2], { dtype: 'int32' }), 3).tolist(); // [[1, 0, 0], [0, 0, 1]]
 * ```
 */
export function oneHot(input: Tensor, numClasses = -1): Tensor {
  assertTensor(input, 'oneHot');
  if (input.dtype !== 'int32') {
    throw new DTypeError(`oneHot: expected an int32 (int64) tensor of class indices, got ${input.dtype}`);
  }
  if (!Number.isInteger(numClasses) || numClasses < -1) {
    throw new ValueError(`oneHot: numClasses must be a non-negative integer or -1, got ${numClasses}`);
  }
  const values = input.dataSync();
  let max = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0) throw new IndexError(`oneHot: class values must be non-negative, got ${v} at flat index ${i}`);
    if (v > max) max = v;
  }
  let depth = numClasses;
  if (depth === -1) {
    if (values.length === 0) throw new ValueError('oneHot: cannot infer numClasses from an empty tensor; pass numClasses');
    depth = max + 1;
  } else if (max >= depth) {
    throw new IndexError(`oneHot: class value ${max} is out of range for numClasses=${depth} (values must be smaller than numClasses)`);
  }
  const shape = [...input.shape, depth];
  return runOp({
    name: 'OneHot',
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        if (values.length === 0) return tf.zeros(shape, 'int32');
        return tf.reshape(tf.oneHot(tf.reshape(input._value, [-1]), depth, 1, 0, 'int32'), shape);
      }),
  });
}
