import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { embeddingArgs, renormRows, resolvePaddingIdx, scatterRows } from './embedding-core';
import { assertTensor } from '../arg-checks';

/** Options of `embedding`. */
export interface EmbeddingOptions {
  /** Entries at this index get no gradient (negative counts from the end). @default null */
  paddingIdx?: number | null;
  /** Rows looked up whose norm exceeds this are rescaled in place to this norm first. @default null */
  maxNorm?: number | null;
  /** The p of the p-norm `maxNorm` uses. @default 2 */
  normType?: number;
  /** Scale each row's gradient by the inverse of its frequency in the mini-batch. @default false */
  scaleGradByFreq?: boolean;
}

/**
 * Looks up rows of an embedding table: the result has the indices' shape plus the table's
 * embedding dimension (PyTorch's `F.embedding`). The weight gradient sums the output gradient of
 * every lookup into its row.
 *
 * @param input int32 indices of any shape, each in [0, numEmbeddings).
 * @param weight the table, of shape (numEmbeddings, embeddingDim).
 * @param options `paddingIdx` (default null), `maxNorm` (default null), `normType` (default 2),
 *   `scaleGradByFreq` (default false).
 * @example
 * ```ts
 * const table = dl.randn([10, 4], { requiresGrad: true });
 * const y = dl.embedding(dl.tensor([[1, 2], [4, 9]], { dtype: 'int32' }), table); // [2, 2, 4]
 * ```
 */
export function embedding(input: Tensor, weight: Tensor, options: EmbeddingOptions = {}): Tensor {
  assertTensor(input, 'embedding');
  assertTensor(weight, 'embedding', 'weight');
  const op = 'embedding';
  const { values, rows, dim } = embeddingArgs(input, weight, op);
  const paddingIdx = resolvePaddingIdx(options.paddingIdx, rows, op);
  if (options.maxNorm !== null && options.maxNorm !== undefined) {
    renormRows(weight, values, rows, options.maxNorm, options.normType ?? 2, op);
  }
  const n = values.length;
  let rowScale: Float32Array | null = null;
  if (paddingIdx !== null || options.scaleGradByFreq) {
    rowScale = new Float32Array(n).fill(1);
    let counts: Int32Array | null = null;
    if (options.scaleGradByFreq) {
      counts = new Int32Array(rows);
      for (let i = 0; i < n; i++) counts[values[i]]++;
    }
    for (let i = 0; i < n; i++) {
      if (values[i] === paddingIdx) rowScale[i] = 0;
      else if (counts) rowScale[i] = 1 / counts[values[i]];
    }
  }
  const outShape = [...input.shape, dim];
  return runOp({
    name: 'Embedding',
    inputs: [input, weight],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.reshape(tf.gather(weight._value, tf.reshape(input._value, [n])), outShape)),
    backward: (dy, [idx]) => {
      let g = tf.reshape(dy, [n, dim]);
      if (rowScale) g = tf.mul(g, tf.tensor(rowScale, [n, 1], 'float32'));
      return [null, scatterRows(idx, g, rows, dim)];
    },
  });
}
