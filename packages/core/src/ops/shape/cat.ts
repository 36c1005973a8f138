import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { hostConcat } from './host-concat';
import { promoteList } from './promote-list';
import { fmtShape } from './shape-utils';
import { assertTensorList } from '../arg-checks';

/**
 * Joins tensors along an existing dimension (PyTorch's `torch.cat`), promoting dtypes. As in
 * PyTorch, 1-D empty tensors (shape `[0]`) are skipped whatever the other shapes are.
 *
 * @param dim the dimension to join along. @default 0
 * @example
 * ```ts
 * dl.cat([dl.zeros([2, 3]), dl.ones([2, 1])], 1).shape; // [2, 4]
 * ```
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  assertTensorList(tensors, 'cat');
  if (tensors.length === 0) throw new ValueError('cat: expected a non-empty list of Tensors');
  const all = promoteList(tensors);
  const legacyEmpty = (t: Tensor) => t.dim() === 1 && t.shape[0] === 0;
  const used = all.map((_, i) => i).filter((i) => !legacyEmpty(all[i]));
  if (used.length === 0) return runOp({ name: 'Cat', inputs: all, forward: () => tf.clone(all[0]._value), backward: (dy, _s, needs) => all.map((_, i) => (needs[i] ? dy : null)) });
  const ref = all[used[0]];
  for (const i of used) {
    if (all[i].dim() === 0) throw new ShapeError(`cat: zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  }
  const axis = ref._normDim(dim, 'cat');
  const rank = ref.dim();
  for (const i of used) {
    const s = all[i].shape;
    if (s.length !== rank) {
      throw new ShapeError(`cat: tensors must have same number of dimensions: got ${rank} (shape ${fmtShape(ref.shape)}) and ${s.length} (shape ${fmtShape(s)}) for tensor number ${i} in the list`);
    }
    for (let d = 0; d < rank; d++) {
      if (d !== axis && s[d] !== ref.shape[d]) {
        throw new ShapeError(`cat: sizes of tensors must match except in dimension ${axis}. Expected size ${ref.shape[d]} but got size ${s[d]} for tensor number ${i} in the list (shapes ${fmtShape(ref.shape)} and ${fmtShape(s)})`);
      }
    }
  }
  const sizes = used.map((i) => all[i].shape[axis]);
  return runOp({
    name: 'Cat',
    inputs: all,
    forward: () => (used.length === 1 ? tf.clone(all[used[0]]._value) : tf.concat(used.map((i) => all[i]._value), axis)),
    host: () => hostConcat(used.map((i) => all[i]), axis, false),
    backward: (dy, _s, needs) => {
      const parts = used.length === 1 ? [dy] : tf.split(dy, sizes, axis);
      const grads: (TfTensor | null)[] = all.map((_, i) => (needs[i] ? tf.zeros([0]) : null));
      used.forEach((i, k) => {
        if (needs[i]) grads[i] = parts[k];
      });
      return grads;
    },
  });
}

/**
 * Alias of {@link cat}.
 *
 * @example
 * ```ts
 * dl.concat([dl.zeros([1]), dl.ones([2])]).tolist(); // [0, 1, 1]
 * ```
 */
export function concat(tensors: readonly Tensor[], dim = 0): Tensor {
  return cat(tensors, dim);
}

/**
 * Alias of {@link cat} (NumPy's name).
 *
 * @example
 * ```ts
 * dl.concatenate([dl.zeros([1]), dl.ones([2])]).shape; // [3]
 * ```
 */
export function concatenate(tensors: readonly Tensor[], dim = 0): Tensor {
  return cat(tensors, dim);
}
