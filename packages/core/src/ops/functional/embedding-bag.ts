import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { embeddingArgs, renormRows, resolvePaddingIdx, scatterRows } from './embedding-core';
import { assertTensor } from '../arg-checks';

/** Options of `embeddingBag`. */
export interface EmbeddingBagOptions {
  /** For 1-D input: where each bag starts (int32, starting with 0). Must be null for 2-D input. @default null */
  offsets?: Tensor | null;
  /** Rows looked up whose norm exceeds this are rescaled in place to this norm first. @default null */
  maxNorm?: number | null;
  /** The p of the p-norm `maxNorm` uses. @default 2 */
  normType?: number;
  /** Scale each row's gradient by the inverse of its frequency in the mini-batch. @default false */
  scaleGradByFreq?: boolean;
  /** How each bag's rows are combined. @default 'mean' */
  mode?: 'sum' | 'mean' | 'max';
  /** One weight per index (same shape as the input) multiplying its row; only with mode 'sum'. @default null */
  perSampleWeights?: Tensor | null;
  /** `offsets` has one extra last entry: the end of the last bag (CSR style). @default false */
  includeLastOffset?: boolean;
  /** Entries at this index are left out of their bag (negative counts from the end). @default null */
  paddingIdx?: number | null;
}

interface Bags {
  count: number;
  /** Start and end (exclusive) flat positions of each bag. */
  starts: number[];
  ends: number[];
}

function bagsOf(input: Tensor, n: number, options: EmbeddingBagOptions, op: string): Bags {
  const offsets = options.offsets ?? null;
  if (input.dim() === 2) {
    if (offsets !== null) throw new ValueError(`${op}: offsets has to be null when input is 2-D (each row is a bag), got offsets of shape [${offsets.shape.join(', ')}]`);
    const [b, l] = input.shape;
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < b; i++) {
      starts.push(i * l);
      ends.push((i + 1) * l);
    }
    return { count: b, starts, ends };
  }
  if (input.dim() !== 1) throw new ShapeError(`${op}: expected 1-D input (with offsets) or 2-D input (B, L), got shape [${input.shape.join(', ')}]`);
  if (offsets === null) throw new ValueError(`${op}: offsets is required when input is 1-D`);
  if (offsets.dtype !== 'int32') throw new DTypeError(`${op}: expected offsets of dtype int32 (int64), got ${offsets.dtype}`);
  if (offsets.dim() !== 1) throw new ShapeError(`${op}: expected 1-D offsets, got shape [${offsets.shape.join(', ')}]`);
  const off = Array.from(offsets.dataSync());
  const last = options.includeLastOffset ?? false;
  if (last && off.length === 0) throw new ValueError(`${op}: includeLastOffset needs at least one offset`);
  if (off.length > 0 && off[0] !== 0) {
    throw new ValueError(`${op}: offsets[0] has to be 0 (the first bag starts at position 0), got ${off[0]}`);
  }
  for (let i = 1; i < off.length; i++) {
    if (off[i] < off[i - 1]) throw new ValueError(`${op}: offsets must be non-decreasing, got ${off[i - 1]} before ${off[i]} at position ${i}`);
  }
  if (off.length > 0 && off[off.length - 1] > n) {
    throw new ValueError(`${op}: the last offset (${off[off.length - 1]}) cannot be greater than the input's length (${n})`);
  }
  const count = last ? off.length - 1 : off.length;
  const starts = off.slice(0, count);
  const ends = starts.map((_, i) => (i + 1 < off.length ? off[i + 1] : n));
  return { count, starts, ends };
}

/**
 * Sums, averages or takes the maximum of bags of embedding rows without materialising the
 * lookups per index (PyTorch's `F.embedding_bag`). Bags are the rows of 2-D input, or the
 * segments `offsets` marks in 1-D input. Empty bags give zeros.
 *
 * @param input int32 indices: (B, L) bags of equal size, or 1-D with `offsets`.
 * @param weight the table, of shape (numEmbeddings, embeddingDim).
 * @param options `offsets` (default null), `mode` (default 'mean'), `perSampleWeights` (default
 *   null), `paddingIdx` (default null), `includeLastOffset` (default false), `maxNorm` (default
 *   null), `normType` (default 2), `scaleGradByFreq` (default false).
 * @example
 * ```ts
 * const table = dl.randn([10, 3]);
 * const idx = dl.tensor([1, 2, 4, 5, 4, 3, 2, 9], { dtype: 'int32' });
 * const offsets = dl.tensor([0, 4], { dtype: 'int32' });
 * dl.embeddingBag(idx, table, { offsets, mode: 'sum' }).shape; // [2, 3]
 * ```
 */
export function embeddingBag(input: Tensor, weight: Tensor, options: EmbeddingBagOptions = {}): Tensor {
  assertTensor(input, 'embeddingBag');
  assertTensor(weight, 'embeddingBag', 'weight');
  const op = 'embeddingBag';
  const mode = options.mode ?? 'mean';
  if (mode !== 'sum' && mode !== 'mean' && mode !== 'max') {
    throw new ValueError(`${op}: mode must be 'sum', 'mean' or 'max', got '${String(mode)}'`);
  }
  const { values, rows, dim } = embeddingArgs(input, weight, op);
  const n = values.length;
  const bags = bagsOf(input, n, options, op);
  const psw = options.perSampleWeights ?? null;
  if (psw !== null) {
    if (mode !== 'sum') throw new ValueError(`${op}: perSampleWeights is only supported with mode 'sum', got mode '${mode}'`);
    if (psw.dtype !== 'float32') throw new DTypeError(`${op}: expected perSampleWeights of dtype float32, got ${psw.dtype}`);
    const a = psw.shape;
    const b = input.shape;
    if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
      throw new ShapeError(`${op}: perSampleWeights must have the input's shape [${b.join(', ')}], got [${a.join(', ')}]`);
    }
  }
  if (mode === 'max' && options.scaleGradByFreq) throw new ValueError(`${op}: mode 'max' does not support scaleGradByFreq`);
  const paddingIdx = resolvePaddingIdx(options.paddingIdx, rows, op);
  if (options.maxNorm !== null && options.maxNorm !== undefined) {
    renormRows(weight, values, rows, options.maxNorm, options.normType ?? 2, op);
  }

  // Dense (B, L) layout of the bags: slot (b, l) holds a row index, a coefficient (0 for padding
  // slots, 1/size for mean) and the flat input position it came from.
  const b = bags.count;
  const members: number[][] = [];
  let width = 1;
  for (let i = 0; i < b; i++) {
    const m: number[] = [];
    for (let p = bags.starts[i]; p < bags.ends[i]; p++) if (values[p] !== paddingIdx) m.push(p);
    members.push(m);
    width = Math.max(width, m.length);
  }
  const slots = b * width;
  const idxDense = new Int32Array(slots);
  const coef = new Float32Array(slots);
  const slotOf = new Int32Array(n).fill(slots); // padding entries point at an extra zero slot
  const nonEmpty = new Float32Array(b);
  let freq: Int32Array | null = null;
  if (options.scaleGradByFreq) {
    freq = new Int32Array(rows);
    for (let i = 0; i < n; i++) freq[values[i]]++;
  }
  for (let i = 0; i < b; i++) {
    const m = members[i];
    nonEmpty[i] = m.length > 0 ? 1 : 0;
    for (let l = 0; l < m.length; l++) {
      const s = i * width + l;
      idxDense[s] = values[m[l]];
      coef[s] = mode === 'mean' ? 1 / m.length : 1;
      slotOf[m[l]] = s;
    }
  }
  // The gradient's per-slot factor: the forward coefficient and, optionally, 1/frequency.
  let gradCoef = coef;
  if (freq) {
    gradCoef = new Float32Array(slots);
    for (let s = 0; s < slots; s++) if (coef[s] !== 0) gradCoef[s] = coef[s] / freq[idxDense[s]];
  }
  const pswAt = psw ? 1 : -1;
  const inputs = psw ? [weight, psw] : [weight];

  return runOp({
    name: 'EmbeddingBag',
    inputs,
    save: { inputs: psw ? [0, 1] : [0] },
    forward: () => {
      const idxT = tf.tensor(idxDense, [b, width], 'int32');
      const coefT = tf.tensor(coef, [b, width, 1], 'float32');
      const outs = tf.tidy(() => {
        const gathered = tf.gather(weight._value, idxT); // [B, L, D]
        if (mode === 'max') {
          const masked = tf.where(tf.greater(coefT, 0), gathered, tf.fill([b, width, 1], -Infinity));
          const best = tf.max(masked, 1);
          const out = tf.where(tf.greater(tf.tensor(nonEmpty, [b, 1]), 0), best, tf.zerosLike(best));
          return [out, tf.argMax(masked, 1)];
        }
        let weighted = tf.mul(gathered, coefT);
        if (psw) {
          const pv = tf.concat([tf.reshape(psw._value, [n]), tf.zeros([1])]);
          weighted = tf.mul(weighted, tf.reshape(tf.gather(pv, denseSlotsToFlat()), [b, width, 1]));
        }
        return [tf.sum(weighted, 1)];
      });
      return [outs[0], idxT, coefT, ...outs.slice(1)];
    },
    backward: (dy, saved, needs) => {
      const w = saved[0];
      const pv = pswAt >= 0 ? saved[1] : null;
      const extras = saved.slice(pswAt >= 0 ? 2 : 1); // idxT, coefT, then argmax in max mode
      const idxT = extras[0];
      const argmax = mode === 'max' ? extras[2] : null;
      const grads: (TfTensor | null)[] = inputs.map(() => null);
      const dy3 = tf.reshape(dy, [b, 1, dim]);
      const flatPsw = pv ? tf.gather(tf.concat([tf.reshape(pv, [n]), tf.zeros([1])]), denseSlotsToFlat()) : null;
      if (needs[0]) {
        let contrib: TfTensor;
        if (argmax) {
          const pick = tf.transpose(tf.cast(tf.oneHot(argmax, width), 'float32'), [0, 2, 1]); // [B, L, D]
          contrib = tf.mul(tf.mul(pick, dy3), tf.tensor(nonEmpty, [b, 1, 1]));
        } else {
          contrib = tf.mul(dy3, tf.tensor(gradCoef, [b, width, 1]));
          if (flatPsw) contrib = tf.mul(contrib, tf.reshape(flatPsw, [b, width, 1]));
        }
        grads[0] = scatterRows(idxT, tf.reshape(contrib, [slots, dim]), rows, dim);
      }
      if (pswAt >= 0 && needs[pswAt]) {
        const perSlot = tf.sum(tf.mul(tf.gather(w, idxT), dy3), 2); // [B, L]
        const withZero = tf.concat([tf.reshape(perSlot, [slots]), tf.zeros([1])]);
        grads[pswAt] = tf.reshape(tf.gather(withZero, tf.tensor(slotOf, [n], 'int32')), psw!.shape);
      }
      return grads;
    },
  });

  // The flat input position of each dense slot (n, the appended zero, for empty slots).
  function denseSlotsToFlat(): TfTensor {
    const flat = new Int32Array(slots).fill(n);
    for (let i = 0; i < n; i++) if (slotOf[i] < slots) flat[slotOf[i]] = i;
    return tf.tensor(flat, [b, width], 'int32');
  }
}
