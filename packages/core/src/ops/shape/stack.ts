import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { hostConcat } from './host-concat';
import { promoteList } from './promote-list';
import { fmtShape } from './shape-utils';
import { assertTensorList } from '../arg-checks';

/**
 * Joins tensors of equal shape along a new dimension (PyTorch's `torch.stack`).
 *
 * @param dim where the new dimension goes (negative counts from the end of the result). @default 0
 * @example
 * ```ts
 * dl.stack([dl.zeros([2, 3]), dl.ones([2, 3])], 1).shape; // [2, 2, 3]
 * ```
 */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  assertTensorList(tensors, 'stack');
  if (tensors.length === 0) throw new ValueError('stack: expected a non-empty list of Tensors');
  const all = promoteList(tensors);
  const s0 = all[0].shape;
  for (let i = 1; i < all.length; i++) {
    const s = all[i].shape;
    if (s.length !== s0.length || s.some((d, k) => d !== s0[k])) {
      throw new ShapeError(`stack: expects each tensor to be equal size, but got ${fmtShape(s0)} at entry 0 and ${fmtShape(s)} at entry ${i}`);
    }
  }
  const axis = all[0]._normDim(dim, 'stack', s0.length + 1);
  return runOp({
    name: 'Stack',
    inputs: all,
    forward: () => tf.stack(all.map((t) => t._value), axis),
    host: () => hostConcat(all, axis, true),
    backward: (dy, _s, needs) => tf.unstack(dy, axis).map((g, i) => (needs[i] ? g : null)),
  });
}
