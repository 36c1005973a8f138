import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';

/** @internal Refuses index tensors that are not int32 (PyTorch wants int64, which @dl stores as int32). */
export function checkIndexDType(index: Tensor, op: string, what = 'index'): void {
  assertTensor(index, op, what);
  if (index.dtype !== 'int32') throw new DTypeError(`${op}: expected ${what} to have dtype int32 (PyTorch's int64), got ${index.dtype}`);
}

/**
 * @internal Checks that every value of an int index lies in `[-size, size)` (or `[0, size)`
 * without `allowNegative`), naming the offending index and the size. Reads two numbers back
 * from the backend (PyTorch checks indices on the host too).
 */
export function checkIndexRange(index: TfTensor, size: number, op: string, where: string, allowNegative: boolean): void {
  if (index.size === 0) return;
  const [lo, hi] = tf.tidy(() => tf.stack([tf.min(index), tf.max(index)]).dataSync() as unknown as number[]);
  const min = allowNegative ? -size : 0;
  if (lo < min) throw new IndexError(`${op}: index ${lo} is out of bounds for ${where} with size ${size}`);
  if (hi >= size) throw new IndexError(`${op}: index ${hi} is out of bounds for ${where} with size ${size}`);
}

/** @internal Negative indices counted from the end. */
export function wrapIndex(index: TfTensor, size: number): TfTensor {
  return tf.tidy(() => tf.where(tf.less(index, 0), tf.add(index, tf.scalar(size, 'int32')), index));
}

/**
 * @internal Gathers `x` at full coordinates (`coords`: int32 `[..., k]` indexing the first `k`
 * dims), with a scatter-add backward that works on every backend (no UnsortedSegmentSum).
 * `coords` stays owned by the caller.
 */
export function gatherNdOp(x: Tensor, coords: TfTensor, name: string): Tensor {
  const shape = x.shape;
  return runOp({
    name,
    inputs: [x],
    forward: () => [gatherNdRaw(x._value, coords), tf.clone(coords)],
    backward: (dy, [c]) => [scatterNdRaw(c, dy, shape)],
  });
}

/** @internal `tf.gatherND` that also accepts empty results. */
export function gatherNdRaw(x: TfTensor, coords: TfTensor): TfTensor {
  const k = coords.shape[coords.rank - 1];
  const outShape = [...coords.shape.slice(0, -1), ...x.shape.slice(k)];
  if (outShape.some((s) => s === 0) || x.size === 0) return tf.zeros(outShape, x.dtype);
  return tf.gatherND(x, coords);
}

/** @internal `tf.scatterND` (sums duplicates) that also accepts empty updates. */
export function scatterNdRaw(coords: TfTensor, updates: TfTensor, shape: readonly number[]): TfTensor {
  if (updates.size === 0 || shape.some((s) => s === 0)) return tf.zeros(shape.slice(), updates.dtype);
  return tf.scatterND(coords, updates, shape.slice());
}

/**
 * @internal Full coordinates for a gather/scatter along `dim` with `index` (same rank as the
 * data): position `p` of the result reads `data[p with p[dim] replaced by index[p]]`.
 */
export function alongDimCoords(index: TfTensor, dim: number): TfTensor {
  return tf.tidy(() => {
    const shape = index.shape;
    const parts = shape.map((n, d) => {
      if (d === dim) return index;
      const s = shape.map((_, k) => (k === d ? n : 1));
      return tf.broadcastTo(tf.reshape(tf.range(0, n, 1, 'int32'), s), shape);
    });
    return tf.stack(parts, shape.length);
  });
}

/** @internal The shape rules shared by gather and scatter. */
export function checkAlongDim(input: Tensor, index: Tensor, axis: number, op: string, src?: Tensor): void {
  const s = input.shape;
  const i = index.shape;
  if (index.dim() !== input.dim()) {
    throw new ShapeError(`${op}: index tensor must have the same number of dimensions as input tensor (index shape [${i.join(', ')}], input shape [${s.join(', ')}])`);
  }
  for (let d = 0; d < i.length; d++) {
    if (d !== axis && i[d] > s[d]) {
      throw new ShapeError(`${op}: size does not match at dimension ${d}: expected index [${i.join(', ')}] to be smaller than self [${s.join(', ')}] apart from dimension ${axis}`);
    }
    if (src && i[d] > src.shape[d]) {
      throw new ShapeError(`${op}: expected index [${i.join(', ')}] to be smaller than src [${src.shape.join(', ')}] at dimension ${d}`);
    }
  }
}
