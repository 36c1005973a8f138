import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { IndexError } from '../../errors/index-error';
import { Tensor } from '../../tensor/tensor';
import type { ValuesIndices } from '../reduction/values-indices';
import { alongDimCoords, gatherNdRaw, scatterNdRaw } from './index-utils';
import { topkLast } from './topk-raw';
import { assertTensor, assertOptions } from '../arg-checks';

/** Options of {@link topk}. */
export interface TopkOptions {
  /** The dimension to pick along. @default -1 */
  dim?: number;
  /** Pick the largest (else the smallest) elements. @default true */
  largest?: boolean;
  /** Return them in order (largest first, or smallest first). @default true */
  sorted?: boolean;
}

/**
 * The `k` largest (or smallest) elements along `dim` and their indices (PyTorch's
 * `torch.topk`). Ties keep the lower index first; the gradient flows to the picked positions.
 *
 * @example
 * ```ts
 * const { values, indices } = dl.topk(dl.tensor([1, 5, 3, 4]), 2);
 * values.tolist(); // [5, 4]
 * indices.tolist(); // [1, 3]
 * ```
 */
export function topk(input: Tensor, k: number, options: TopkOptions = {}): ValuesIndices {
  assertTensor(input, 'topk');
  assertOptions(options, 'topk', '{ dim: 0, largest: false }');
  const rank = input.dim();
  const axis = input._normDim(options.dim ?? -1, 'topk');
  const shape = input.shape;
  const n = rank === 0 ? 1 : shape[axis];
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new IndexError(`topk: k (${k}) is out of range for dimension ${axis} of size ${n}`);
  }
  if (rank === 0) {
    const keep = k === 1;
    return {
      values: runOp({ name: 'Topk', inputs: [input], forward: () => (keep ? tf.clone(input._value) : tf.zeros([0], input.dtype)), backward: (dy) => [keep ? dy : tf.zeros([])] }),
      indices: Tensor._owned(keep ? tf.scalar(0, 'int32') : tf.zeros([0], 'int32')),
    };
  }
  const perm = [...shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const inv = perm.map((_, i) => perm.indexOf(i));
  const idx = tf.tidy(() => {
    if (k === 0) return tf.zeros(shape.map((s, i) => (i === axis ? 0 : s)), 'int32');
    return tf.transpose(topkLast(tf.transpose(input._value, perm), k, options.largest ?? true, options.sorted ?? true), inv);
  });
  const values = runOp({
    name: 'Topk',
    inputs: [input],
    forward: () => {
      const coords = alongDimCoords(idx, axis);
      const vals = gatherNdRaw(input._value, coords);
      return [vals, coords];
    },
    backward: (dy, [coords]) => [scatterNdRaw(coords, dy, shape)],
  });
  return { values, indices: Tensor._owned(idx) };
}
