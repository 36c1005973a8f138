import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { iotaAlong, keptShape } from './reduce-dims';
import type { ValuesIndices } from './values-indices';

/** @internal The lower median along the last axis of `v` and its index (first among equals in sorted order). */
function lowerMedianLast(v: TfTensor): [TfTensor, TfTensor] {
  const n = v.shape[v.rank - 1];
  const k = Math.floor((n - 1) / 2);
  const neg = v.dtype === 'bool' ? tf.neg(tf.cast(v, 'int32')) : tf.neg(v);
  const { values, indices } = tf.topk(neg, k + 1, true);
  const begin = [...indices.shape.slice(0, -1).map(() => 0), k];
  const size = [...indices.shape.slice(0, -1), 1];
  const idx = tf.squeeze(tf.slice(indices, begin, size), [v.rank - 1]);
  const picked = tf.neg(tf.squeeze(tf.slice(values, begin, size), [v.rank - 1]));
  const vals = v.dtype === 'bool' ? tf.cast(picked, 'bool') : picked;
  return [vals, idx];
}

/**
 * The median: the lower of the two middle values for even counts, as PyTorch returns. Without
 * `dim`, of all elements (a 0-d tensor; gradient shared evenly between equal elements); with
 * `dim`, `{ values, indices }` along it.
 *
 * @example
 * ```ts
 * dl.median(dl.tensor([1, 4, 2, 3])).item(); // 2
 * dl.median(dl.tensor([[1, 9, 5], [3, 2, 8]]), 1).values.tolist(); // [5, 3]
 * ```
 */
export function median(input: Tensor): Tensor;
export function median(input: Tensor, dim: number, options?: { keepdim?: boolean }): ValuesIndices;
export function median(input: Tensor, options: { dim: number; keepdim?: boolean }): ValuesIndices;
export function median(input: Tensor, dimOrOptions?: number | { dim: number; keepdim?: boolean }, maybe: { keepdim?: boolean } = {}): Tensor | ValuesIndices {
  const shape = input.shape;
  if (dimOrOptions === undefined) {
    if (input.numel() === 0) return runOp({ name: 'Median', inputs: [input], forward: () => tf.fill([], NaN) });
    return runOp({
      name: 'Median',
      inputs: [input],
      save: { inputs: [0], output: true },
      forward: () => tf.tidy(() => lowerMedianLast(tf.reshape(input._value, [-1]))[0]),
      backward: (dy, [x, out]) => {
        const mask = tf.cast(tf.equal(x, out), 'float32');
        return [tf.div(tf.mul(dy, mask), tf.sum(mask))];
      },
    });
  }
  const o = typeof dimOrOptions === 'number' ? { ...maybe, dim: dimOrOptions } : dimOrOptions;
  const axis = input._normDim(o.dim, 'median');
  const rank = shape.length;
  const keepdim = o.keepdim ?? false;
  if (rank > 0 && shape[axis] === 0) {
    throw new ValueError(`median: expected reduction dim ${axis} to have non-zero size (input shape [${shape.join(', ')}])`);
  }
  const kept = rank === 0 ? [] : keptShape(shape, [axis]);
  const outShape = keepdim ? kept : kept.filter((_, i) => i !== axis);
  const perm = Array.from({ length: rank }, (_, i) => i).filter((i) => i !== axis).concat(rank === 0 ? [] : [axis]);
  const [valsRaw, idxRaw] = tf.tidy(() => {
    if (rank === 0) return [tf.clone(input._value), tf.scalar(0, 'int32')];
    const [v, i] = lowerMedianLast(tf.transpose(input._value, perm));
    return [tf.reshape(v, outShape), tf.reshape(i, kept)];
  });
  const values = runOp({
    name: 'Median',
    inputs: [input],
    forward: () => [valsRaw, tf.clone(idxRaw)],
    backward: (dy, [idx]) => {
      if (rank === 0) return [dy];
      const mask = tf.equal(iotaAlong(shape[axis], axis, rank), idx);
      return [tf.where(mask, tf.broadcastTo(tf.reshape(dy, kept), shape), tf.zeros(shape))];
    },
  });
  const indices = Tensor._owned(tf.reshape(idxRaw, outShape));
  idxRaw.dispose();
  return { values, indices };
}
