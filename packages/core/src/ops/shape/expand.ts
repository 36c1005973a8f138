import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/** @internal Resolves an expand target (`-1` keeps a size; new dims go in front). */
function expandShape(shape: readonly number[], sizes: readonly number[], op: string): number[] {
  if (sizes.length < shape.length) {
    throw new ShapeError(`${op}: the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length}); got sizes ${fmtShape(sizes)} for shape ${fmtShape(shape)}`);
  }
  const lead = sizes.length - shape.length;
  return sizes.map((s, i) => {
    const cur = i < lead ? undefined : shape[i - lead];
    if (s === -1) {
      if (cur === undefined) throw new ShapeError(`${op}: -1 is not allowed in a leading, non-existing dimension ${i} (sizes ${fmtShape(sizes)})`);
      return cur;
    }
    if (!Number.isInteger(s) || s < 0) throw new ShapeError(`${op}: invalid size ${s} in sizes ${fmtShape(sizes)} (expected non-negative integers, or -1 to keep a size)`);
    if (cur !== undefined && cur !== s && cur !== 1) {
      throw new ShapeError(`${op}: the expanded size of the tensor (${s}) must match the existing size (${cur}) at non-singleton dimension ${i}. Target sizes: ${fmtShape(sizes)}. Tensor sizes: ${fmtShape(shape)}`);
    }
    return s;
  });
}

/** @internal Broadcasts to a resolved shape; backward sums over the broadcast dims. */
function broadcastRaw(input: Tensor, shape: readonly number[], name: string): Tensor {
  const target = shape.slice();
  return runOp({
    name,
    inputs: [input],
    forward: () => tf.broadcastTo(input._value, target),
    backward: (dy) => [dy],
  });
}

/**
 * Broadcasts size-1 dimensions to larger sizes (PyTorch's `Tensor.expand`); `-1` keeps a
 * size and extra sizes add leading dimensions. @dl copies the values (tfjs has no strided
 * views), so writes to the result never alias the input.
 *
 * @example
 * ```ts
 * dl.expand(dl.tensor([[1], [2]]), [-1, 3]).tolist(); // [[1, 1, 1], [2, 2, 2]]
 * ```
 */
export function expand(input: Tensor, sizes: readonly number[]): Tensor {
  assertTensor(input, 'expand');
  assertNumberList(sizes, 'expand', 'sizes');
  return broadcastRaw(input, expandShape(input.shape, sizes, 'expand'), 'Expand');
}

/**
 * `input` expanded to `other`'s shape.
 *
 * @example
 * ```ts
 * dl.expandAs(dl.tensor([1, 2]), dl.zeros([3, 2])).shape; // [3, 2]
 * ```
 */
export function expandAs(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'expandAs');
  assertTensor(other, 'expandAs', 'other');
  return broadcastRaw(input, expandShape(input.shape, other.shape, 'expandAs'), 'Expand');
}

/**
 * Broadcasts `input` to `shape` with NumPy/PyTorch broadcasting rules.
 *
 * @example
 * ```ts
 * dl.broadcastTo(dl.tensor([1, 2]), [2, 2]).tolist(); // [[1, 2], [1, 2]]
 * ```
 */
export function broadcastTo(input: Tensor, shape: readonly number[]): Tensor {
  assertTensor(input, 'broadcastTo');
  assertNumberList(shape, 'broadcastTo', 'shape');
  return broadcastRaw(input, expandShape(input.shape, shape, 'broadcastTo'), 'BroadcastTo');
}
