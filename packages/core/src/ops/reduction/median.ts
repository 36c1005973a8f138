import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { alongDimCoords, gatherNdRaw } from '../indexing/index-utils';
import { topkLast } from '../indexing/topk-raw';
import { assertDimOrOptions, iotaAlong, keptShape } from './reduce-dims';
import type { ValuesIndices } from './values-indices';
import { assertTensor } from '../arg-checks';

/**
 * @internal The lower median along the last axis of `v` and its index; a slice holding NaN has
 * median NaN at its first NaN, as in PyTorch.
 */
function lowerMedianLast(v: TfTensor): [TfTensor, TfTensor] {
  const last = v.rank - 1;
  const n = v.shape[last];
  const k = Math.floor((n - 1) / 2);
  const order = topkLast(v, k + 1, false, true);
  const begin = order.shape.map((_, i) => (i === last ? k : 0));
  const size = order.shape.map((s, i) => (i === last ? 1 : s));
  let idx = tf.slice(order, begin, size);
  if (v.dtype === 'float32') {
    const nan = tf.isNaN(v);
    idx = tf.where(tf.any(nan, last, true), tf.expandDims(tf.argMax(tf.cast(nan, 'int32'), last), last), idx);
  }
  const vals = gatherNdRaw(v, alongDimCoords(idx, last));
  return [tf.squeeze(vals, [last]), tf.squeeze(idx, [last])];
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
  assertTensor(input, 'median');
  assertDimOrOptions(dimOrOptions, 'median');
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
