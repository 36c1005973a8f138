import { stack, type Tensor } from '@dl/core';
import { Field, type FieldOptions, type PaddedWithLengths, type ProcessedBatch } from '../data/fields/field';
import type { Device } from '../data/fields/device';
import { positiveInteger } from './internal/splits';

/**
 * The field of bAbI's stories, questions and answers (classic torchtext's `BABI20Field`), for
 * memory networks: a story — a list of sentences — is tokenized sentence by sentence, and a batch
 * of stories becomes a tensor `[batch, memorySize, words]`: each story's sentences, latest first,
 * cut to `memorySize` and padded with empty sentences to it, every sentence padded to the batch's
 * longest. Questions and answers batch as a plain field would, `[batch, words]`. Batches are
 * batch-first and the vocab has no `<unk>`.
 *
 * @example
 * ```ts
 * const TEXT = new BABI20Field(50);
 * TEXT.preprocess(['Mary moved to the bathroom', 'John went to the hallway']); // [['Mary', 'moved', ...], ['John', ...]]
 * const [train, val, test] = await BABI20.splits(TEXT, { task: 1 });
 * await TEXT.buildVocab(train);
 * TEXT.process([train.getItem(0).story]).shape; // [1, 50, 6]
 * ```
 */
export class BABI20Field extends Field {
  /** The most sentences of a story a batch keeps (the latest ones). */
  memorySize: number;

  constructor(memorySize: number, options: FieldOptions = {}) {
    super(options);
    this.memorySize = positiveInteger('BABI20Field', 'memorySize', memorySize);
    this.unkToken = null;
    this.batchFirst = true;
  }

  /** A story (a list of sentences) sentence by sentence; anything else as {@link Field.preprocess}. */
  override preprocess(x: unknown): unknown {
    if (Array.isArray(x)) return x.map((sentence) => super.preprocess(sentence));
    return super.preprocess(x);
  }

  /** `numericalize(pad(batch))`, through this class's padding and numericalizing of stories. */
  override process(batch: readonly unknown[], device?: Device): ProcessedBatch {
    return this.numericalize(this.pad(batch), device);
  }

  /**
   * Pads a batch of stories to `[batch, memorySize, longest sentence]` (latest sentence first,
   * empty sentences of padding after the story); other batches as {@link Field.pad}.
   *
   * @example
   * ```ts
   * new BABI20Field(3).pad([[['a', 'b'], ['c']]]); // [[['c', '<pad>'], ['a', 'b'], ['<pad>', '<pad>']]]
   * ```
   */
  override pad(minibatch: Iterable<unknown>): unknown[] | PaddedWithLengths | [unknown[], number[], number[][]] {
    const batch = [...minibatch];
    if (!isStoryBatch(batch)) return super.pad(batch);
    const longest = Math.max(0, ...batch.flatMap((story) => story.map((sentence) => sentence.length)));
    const empty = () => Array.from({ length: longest }, () => this.padToken);
    this.fixLength = longest;
    try {
      return batch.map((story) => {
        const kept = [...story].reverse().slice(0, this.memorySize);
        const padded = kept.length ? (super.pad(kept) as unknown[][]) : [];
        while (padded.length < this.memorySize) padded.push(empty());
        return padded;
      });
    } finally {
      this.fixLength = null;
    }
  }

  /** A padded batch of stories as an int tensor `[batch, memorySize, words]`; other batches as {@link Field.numericalize}. */
  override numericalize(arr: unknown[] | PaddedWithLengths, device?: Device): ProcessedBatch {
    if (!isStoryBatch(arr)) return super.numericalize(arr, device);
    const parts = arr.map((story) => super.numericalize(story, device) as Tensor);
    try {
      return stack(parts);
    } finally {
      for (const part of parts) part.dispose();
    }
  }
}

/** Whether a batch holds stories (lists of token lists) rather than token lists. */
function isStoryBatch(batch: unknown[]): batch is unknown[][][] {
  const first = batch[0];
  return Array.isArray(first) && Array.isArray(first[0]);
}
