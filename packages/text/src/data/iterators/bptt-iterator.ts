import { tensor, type Tensor, ValueError } from '@dl/core';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { FieldError } from '../../errors/field-error';
import { Dataset } from '../dataset/dataset';
import { Field } from '../fields/field';
import { Batch } from './batch';
import { Iterator, type IteratorOptions } from './iterator';

/** Options of {@link BPTTIterator}: an iterator's, and the BPTT length. */
export interface BPTTIteratorOptions extends IteratorOptions {
  /** Time steps per batch (backpropagation through time). */
  bpttLen: number;
}

/**
 * Language-modeling batches for backpropagation through time (torchtext's `BPTTIterator`): the
 * dataset's single example holds the whole token stream in its `text` field; the stream is
 * padded to a multiple of `batchSize`, cut into `batchSize` contiguous columns, and each batch
 * has `text` (`[bpttLen, batchSize]`) and `target` (the same rows shifted by one time step).
 * With the field's `batchFirst`, both are `[batchSize, bpttLen]`. As in torchtext, the field's
 * `eosToken` is cleared.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ lower: true });
 * const ds = new Dataset([Example.fromList([tokens], [['text', TEXT]])], [['text', TEXT]]);
 * await TEXT.buildVocab(ds);
 * for (const b of new BPTTIterator<{ text: Tensor; target: Tensor }>(ds, { batchSize: 20, bpttLen: 35 })) {
 *   b.text.shape; // [35, 20]
 * }
 * ```
 */
export class BPTTIterator<T extends object = { text: Tensor; target: Tensor }> extends Iterator<T> {
  bpttLen: number;

  constructor(dataset: Dataset, options: BPTTIteratorOptions) {
    super(dataset, options);
    const { bpttLen } = options;
    if (!(typeof bpttLen === 'number' && Number.isInteger(bpttLen) && bpttLen > 0)) {
      throw new ValueError(`BPTTIterator: bpttLen must be a positive integer, got ${String(bpttLen)}`);
    }
    this.bpttLen = bpttLen;
  }

  private stream(): unknown[] {
    const text = this.dataset.getItem(0).text;
    if (!Array.isArray(text)) throw new FieldError(`BPTTIterator: the dataset's first example needs a 'text' field holding the token stream, got ${typeof text}`);
    if (text.length === 0) throw new EmptyDatasetError('BPTTIterator: the token stream is empty');
    return text;
  }

  /** The number of batches per epoch: `ceil((tokens / batchSize - 1) / bpttLen)`. */
  override get length(): number {
    return Math.ceil((this.stream().length / this.batchSize - 1) / this.bpttLen);
  }

  override *[Symbol.iterator](): Generator<Batch & T> {
    const field = this.dataset.fields.text;
    if (!(field instanceof Field)) throw new FieldError("BPTTIterator: the dataset needs a Field named 'text'");
    let text = this.stream();
    field.eosToken = null;
    const bs = this.batchSize;
    const padded = Math.ceil(text.length / bs) * bs;
    if (padded > text.length) text = text.concat(Array.from({ length: padded - text.length }, () => field.padToken));
    // Numericalize through the field (vocab, postprocessing), then lay the stream out as
    // torchtext's data.view(batch_size, -1).t(): column c holds tokens [c * rows, (c + 1) * rows).
    const numericalized = field.numericalize([text] as unknown[][], this.device) as Tensor;
    const ids = numericalized.dataSync();
    numericalized.dispose();
    const rows = padded / bs;
    const batchDataset = new Dataset(this.dataset.examples, [
      ['text', field],
      ['target', field],
    ]);
    const slice = (start: number, len: number): Tensor => {
      const out = field.dtype === 'float32' ? new Float32Array(len * bs) : new Int32Array(len * bs);
      for (let r = 0; r < len; r++) for (let c = 0; c < bs; c++) out[field.batchFirst ? c * len + r : r * bs + c] = ids[c * rows + start + r]!;
      const flat = tensor(out, { dtype: field.dtype });
      const shaped = flat.reshape(field.batchFirst ? [bs, len] : [len, bs]);
      flat.dispose();
      return shaped;
    };
    for (;;) {
      const n = this.length;
      for (let i = 0; i < n * this.bpttLen; i += this.bpttLen) {
        this.iterations += 1;
        const seqLen = Math.min(this.bpttLen, rows - i - 1);
        yield Batch.fromVars(batchDataset, bs, { text: slice(i, seqLen), target: slice(i + 1, seqLen) }) as Batch & T;
      }
      if (!this.repeat) return;
    }
  }
}
