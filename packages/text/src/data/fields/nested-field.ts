import { stack, type Tensor, tensor } from '@dl/core';
import { FieldError } from '../../errors/field-error';
import type { Device } from './device';
import type { VocabOptions } from '../../vocab/vocab';
import { Field, type FieldOptions, type ProcessedBatch, type VocabSource } from './field';

/** Options of {@link NestedField} (torchtext's arguments; the rest come from the nesting field). */
export type NestedFieldOptions = Pick<
  FieldOptions,
  'useVocab' | 'initToken' | 'eosToken' | 'fixLength' | 'dtype' | 'preprocessing' | 'postprocessing' | 'tokenize' | 'tokenizerLanguage' | 'includeLengths' | 'padToken' | 'padFirst' | 'truncateFirst'
>;

/** A padded nested batch with sentence and word lengths (what `pad` returns with `includeLengths`). */
export type NestedPadded = [padded: unknown[][][], sentenceLengths: number[], wordLengths: number[][]];

/**
 * A field of fields (torchtext's `NestedField`), for character-level models: each example is
 * tokenized into words by this field, and each word into tokens (characters) by the nesting
 * field. Batches are int tensors `[batch, words, chars]`: words padded by this field (with
 * `initToken`/`eosToken` words), characters by the nesting field (its `initToken`, `eosToken`,
 * `padToken`, `fixLength`). The two share one vocab, built from the nesting field's tokens.
 * With `includeLengths`, `process` gives `[padded, sentenceLengths, wordLengths]`.
 *
 * @example
 * ```ts
 * const CHAR = new Field({ tokenize: (w) => [...w], initToken: '<w>', eosToken: '</w>', padToken: '<c>' });
 * const WORDS = new NestedField(CHAR, { initToken: '<s>', eosToken: '</s>' });
 * WORDS.preprocess('john loves mary'); // [['j','o','h','n'], ['l','o','v','e','s'], ['m','a','r','y']]
 * await WORDS.buildVocab(train);
 * WORDS.process([WORDS.preprocess('john loves mary')]).shape; // [1, 5, 7]
 * ```
 */
export class NestedField extends Field {
  /** The field each word goes through. */
  readonly nestingField: Field;

  constructor(nestingField: Field, options: NestedFieldOptions = {}) {
    if (nestingField instanceof NestedField) throw new FieldError('NestedField: the nesting field must not be another NestedField');
    if (!(nestingField instanceof Field)) throw new FieldError(`NestedField: the nesting field must be a Field, got ${nestingField === null ? 'null' : typeof nestingField}`);
    if (nestingField.includeLengths) throw new FieldError('NestedField: the nesting field cannot have includeLengths (set it on the NestedField)');
    super({
      useVocab: options.useVocab,
      initToken: options.initToken,
      eosToken: options.eosToken,
      fixLength: options.fixLength,
      dtype: options.dtype,
      preprocessing: options.preprocessing,
      postprocessing: options.postprocessing,
      lower: nestingField.lower,
      tokenize: options.tokenize,
      tokenizerLanguage: options.tokenizerLanguage,
      batchFirst: true,
      padToken: nestingField.sequential ? nestingField.padToken : options.padToken,
      unkToken: nestingField.unkToken,
      padFirst: options.padFirst,
      truncateFirst: options.truncateFirst,
      includeLengths: options.includeLengths,
    });
    this.nestingField = nestingField;
    nestingField.batchFirst = true;
  }

  /** Tokenizes into words (this field), then each word with the nesting field's `preprocess`. */
  override preprocess(xs: unknown): unknown {
    const words = super.preprocess(xs);
    if (!Array.isArray(words)) throw new FieldError(`NestedField.preprocess: expected the words of an example as a list, got ${typeof words}`);
    return words.map((w) => this.nestingField.preprocess(w));
  }

  /**
   * Pads a batch of examples (lists of words, each a list of tokens): words with this field's
   * tokens, then each word with the nesting field's, to the longest word or the nesting
   * `fixLength`; padding words are all `padToken` with length 0.
   */
  override pad(minibatch: Iterable<unknown>): unknown[] | NestedPadded {
    const batch = [...minibatch];
    const nf = this.nestingField;
    if (!nf.sequential) return super.pad(batch);
    if (batch.length === 0) throw new FieldError('NestedField.pad: the batch is empty (nothing to pad)');
    let fixLen = nf.fixLength;
    if (fixLen === null) {
      let maxLen = -1;
      for (const ex of batch) {
        if (!Array.isArray(ex)) throw new FieldError(`NestedField.pad: an example must be a list of words, got ${typeof ex}`);
        for (const w of ex) if (Array.isArray(w) && w.length > maxLen) maxLen = w.length;
      }
      if (maxLen < 0) throw new FieldError('NestedField.pad: the batch has no words (every example is empty)');
      fixLen = maxLen + (nf.initToken === null ? 0 : 1) + (nf.eosToken === null ? 0 : 1);
    }
    const padWord = Array.from({ length: fixLen }, () => this.padToken);
    const { padded, lengths: sentenceLengths } = this.padSequences<unknown>(
      batch,
      padWord,
      this.initToken === null ? null : [this.initToken],
      this.eosToken === null ? null : [this.eosToken],
      this.fixLength,
    );
    const maxSen = padded[0]!.length;
    const wordLengths: number[][] = [];
    const finalPadded: unknown[][][] = [];
    padded.forEach((ex, i) => {
      const { padded: words, lengths } = padWithNesting(nf, ex, fixLen);
      const fill = maxSen - sentenceLengths[i]!;
      if (fill > 0) {
        const start = this.padFirst ? 0 : maxSen - fill;
        for (let j = start; j < start + fill; j++) {
          lengths[j] = 0;
          words[j] = padWord;
        }
      }
      wordLengths.push(lengths);
      finalPadded.push(words);
    });
    return this.includeLengths ? [finalPadded, sentenceLengths, wordLengths] : finalPadded;
  }

  /**
   * Builds the nesting field's vocab from the tokens of the sources, then this field's (its
   * specials, then the nesting vocab's tokens) and shares it with the nesting field; vectors load
   * into the shared vocab.
   */
  override async buildVocab(...args: (VocabSource | VocabOptions)[]): Promise<void> {
    const last = args[args.length - 1];
    const hasOptions = last !== undefined && last !== null && typeof last === 'object' && !(Symbol.iterator in last) && !('examples' in last);
    const options = (hasOptions ? args.pop() : {}) as VocabOptions;
    const { vectors, unkInit, vectorsCache, vectorsOptions, ...rest } = options;
    const flattened: VocabSource[] = [];
    for (const source of this.vocabSources(args as VocabSource[])) for (const ex of source) flattened.push(ex as VocabSource);
    await this.nestingField.buildVocab(...flattened, rest);
    await super.buildVocab();
    const vocab = this.vocab!;
    vocab.extend(this.nestingField.vocab!);
    vocab.freqs = new Map(this.nestingField.vocab!.freqs);
    if (vectors !== undefined && vectors !== null) {
      const vectorOptions = { ...vectorsOptions };
      if (unkInit !== undefined) vectorOptions.unkInit = unkInit;
      if (vectorsCache !== undefined) vectorOptions.cache = vectorsCache;
      await vocab.loadVectors(vectors, vectorOptions);
    }
    this.nestingField.vocab = vocab;
  }

  /**
   * A padded nested batch as an int tensor `[batch, words, tokens]` (with `includeLengths`:
   * `[padded, sentenceLengths [batch], wordLengths [batch, words]]`).
   */
  override numericalize(arrs: unknown[] | NestedPadded, device?: Device): ProcessedBatch {
    let data = arrs as unknown[];
    let sentenceLengths: number[] | undefined;
    let wordLengths: number[][] | undefined;
    if (this.includeLengths) {
      if (!(Array.isArray(arrs) && arrs.length === 3 && Array.isArray(arrs[1]) && Array.isArray(arrs[2]))) {
        throw new FieldError('NestedField.numericalize: the field has includeLengths set, so it expects [padded, sentenceLengths, wordLengths] (what pad() returns)');
      }
      [data, sentenceLengths, wordLengths] = arrs as NestedPadded;
    }
    const saved = this.nestingField.includeLengths;
    this.nestingField.includeLengths = false;
    let padded: Tensor;
    try {
      const parts = data.map((ex) => this.nestingField.numericalize(ex as unknown[], device) as Tensor);
      padded = stack(parts);
      for (const p of parts) p.dispose();
    } finally {
      this.nestingField.includeLengths = saved;
    }
    if (sentenceLengths !== undefined && wordLengths !== undefined) {
      return [padded, tensor(sentenceLengths, { dtype: this.dtype }), tensor(wordLengths, { dtype: this.dtype })];
    }
    return padded;
  }

  /** A nested batch as a tensor, or `[padded, sentenceLengths, wordLengths]` with `includeLengths`. */
  override process(batch: readonly unknown[], device?: Device): ProcessedBatch {
    return this.numericalize(this.pad(batch) as unknown[] | NestedPadded, device);
  }
}

/** The nesting field's padding of one example's words to `fixLen`, with lengths. */
function padWithNesting(nf: Field, words: unknown[], fixLen: number): { padded: unknown[][]; lengths: number[] } {
  const saved = [nf.fixLength, nf.includeLengths] as const;
  nf.fixLength = fixLen;
  nf.includeLengths = true;
  try {
    const [padded, lengths] = nf.pad(words) as [unknown[][], number[]];
    return { padded, lengths };
  } finally {
    nf.fixLength = saved[0];
    nf.includeLengths = saved[1];
  }
}
