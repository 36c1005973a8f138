import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { checkIndexDType, checkIndexRange, scatterNdRaw } from './index-utils';
import { assertTensor } from '../arg-checks';

/**
 * The entries of `input` at positions `index` (a 1-D int32 tensor) along `dim`.
 *
 * @example
 * ```ts
 * const x = dl.tensor([[1, 2, 3], [4, 5, 6]]);
 * dl.indexSelect(x, 1, dl.tensor([2, 0], { dtype: 'int32' })).tolist(); // [[3, 1], [6, 4]]
 * ```
 */
export function indexSelect(input: Tensor, dim: number, index: Tensor): Tensor {
  assertTensor(input, 'indexSelect');
  checkIndexDType(index, 'indexSelect');
  if (index.dim() > 1) throw new ShapeError(`indexSelect: index is supposed to be a vector (got shape [${index.shape.join(', ')}])`);
  const rank = input.dim();
  const axis = input._normDim(dim, 'indexSelect');
  const shape = input.shape;
  const n = rank === 0 ? 1 : shape[axis];
  checkIndexRange(index._value, n, 'indexSelect', `dimension ${axis}`, false);
  const idx = index._value;
  if (rank === 0) {
    return runOp({
      name: 'IndexSelect',
      inputs: [input],
      forward: () => tf.tidy(() => (idx.size === 0 ? tf.zeros([], input.dtype) : tf.reshape(input._value, []))),
      backward: (dy) => [dy],
    });
  }
  const perm = [axis, ...shape.map((_, i) => i).filter((i) => i !== axis)];
  const inv = perm.map((_, i) => perm.indexOf(i));
  const permuted = perm.map((p) => shape[p]);
  return runOp({
    name: 'IndexSelect',
    inputs: [input],
    forward: () => [tf.tidy(() => (idx.size === 0 ? tf.zeros(shape.map((s, i) => (i === axis ? 0 : s)), input.dtype) : tf.gather(input._value, tf.reshape(idx, [-1]), axis))), tf.reshape(idx, [-1, 1])],
    backward: (dy, [coords]) => [tf.transpose(scatterNdRaw(coords, tf.transpose(dy, perm), permuted), inv)],
  });
}
