// Shared by embedding and embeddingBag: argument checks, max-norm renormalisation, and the
// weight gradient as a scatter-add of rows (ScatterNd, which every backend has).
import { tf, type TfTensor } from '../../backend/tfjs';
import { noGrad } from '../../autograd/grad-mode';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';

/** @internal Checks indices and table; returns the indices' values and the table's rows. */
export function embeddingArgs(input: Tensor, weight: Tensor, op: string): { values: Int32Array; rows: number; dim: number } {
  if (input.dtype !== 'int32') throw new DTypeError(`${op}: expected indices of dtype int32 (int64), got ${input.dtype}`);
  if (weight.dtype !== 'float32') throw new DTypeError(`${op}: expected weight of dtype float32, got ${weight.dtype}`);
  if (weight.dim() !== 2) throw new ShapeError(`${op}: expected a 2-D weight (numEmbeddings, embeddingDim), got shape [${weight.shape.join(', ')}]`);
  const [rows, dim] = weight.shape;
  const values = input.dataSync() as Int32Array;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0 || v >= rows) {
      throw new IndexError(`${op}: index ${v} (at flat position ${i}) is out of range for an embedding table of ${rows} rows`);
    }
  }
  return { values, rows, dim };
}

/** @internal Resolves a possibly negative paddingIdx against the table size, or null. */
export function resolvePaddingIdx(paddingIdx: number | null | undefined, rows: number, op: string): number | null {
  if (paddingIdx === null || paddingIdx === undefined) return null;
  if (!Number.isInteger(paddingIdx) || paddingIdx < -rows || paddingIdx >= rows) {
    throw new IndexError(`${op}: paddingIdx ${paddingIdx} is out of range for an embedding table of ${rows} rows (expected in [${-rows}, ${rows - 1}])`);
  }
  return paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
}

/**
 * @internal Scales, in place and unrecorded, every referenced row whose `normType`-norm exceeds
 * `maxNorm` to norm `maxNorm` (PyTorch's `embedding_renorm_`).
 */
export function renormRows(weight: Tensor, values: Int32Array, rows: number, maxNorm: number, normType: number, op: string): void {
  if (!(maxNorm >= 0)) throw new ValueError(`${op}: maxNorm must be a non-negative number, got ${maxNorm}`);
  if (!(normType > 0)) throw new ValueError(`${op}: normType must be positive, got ${normType}`);
  const used = new Float32Array(rows);
  for (let i = 0; i < values.length; i++) used[values[i]] = 1;
  noGrad(() => {
    const next = tf.tidy(() => {
      const w = weight._value;
      const a = tf.abs(w);
      const norms = normType === Infinity ? tf.max(a, 1, true) : normType === 1 ? tf.sum(a, 1, true) : tf.pow(tf.sum(tf.pow(a, normType), 1, true), 1 / normType);
      const over = tf.logicalAnd(tf.greater(norms, maxNorm), tf.greater(tf.tensor(used, [rows, 1]), 0));
      const scale = tf.where(over, tf.div(maxNorm, tf.add(norms, 1e-7)), tf.onesLike(norms));
      return tf.mul(w, scale);
    });
    weight._replaceValue(next);
  });
}

/** @internal Sums `updates` ([n, dim]) into the rows `indices` ([n]) of a zero [rows, dim] table. */
export function scatterRows(indices: TfTensor, updates: TfTensor, rows: number, dim: number): TfTensor {
  if (indices.size === 0) return tf.zeros([rows, dim]);
  return tf.scatterND(tf.reshape(indices, [-1, 1]), updates, [rows, dim]);
}
