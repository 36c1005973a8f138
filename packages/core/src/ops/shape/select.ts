import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { IndexError } from '../../errors/index-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor } from '../arg-checks';

/**
 * The slice at `index` of dimension `dim`, with that dimension removed (PyTorch's
 * `Tensor.select`, `x[:, i]`). A negative index counts from the end.
 *
 * @example
 * ```ts
 * dl.select(dl.tensor([[1, 2], [3, 4]]), 1, -1).tolist(); // [2, 4]
 * ```
 */
export function select(input: Tensor, dim: number, index: number): Tensor {
  assertTensor(input, 'select');
  if (input.dim() === 0) throw new IndexError('select: cannot be applied to a 0-dim tensor');
  const d = input._normDim(dim, 'select');
  const shape = input.shape;
  const n = shape[d];
  if (!Number.isInteger(index) || index < -n || index >= n) {
    throw new IndexError(`select: index ${index} out of range for tensor of size ${fmtShape(shape)} at dimension ${d}`);
  }
  const i = index < 0 ? index + n : index;
  const begin = shape.map((_, k) => (k === d ? i : 0));
  const size = shape.map((x, k) => (k === d ? 1 : x));
  const out = shape.filter((_, k) => k !== d);
  return runOp({
    name: 'Select',
    inputs: [input],
    forward: () => tf.tidy(() => tf.reshape(tf.slice(input._value, begin, size), out)),
    backward: (dy) => [tf.pad(tf.reshape(dy, size), shape.map((_, k): [number, number] => (k === d ? [i, n - i - 1] : [0, 0])))],
  });
}
