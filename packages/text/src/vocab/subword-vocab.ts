import { ValueError } from '@dl/core';
import { VocabError } from '../errors/vocab-error';
import { DefaultIndexMap } from './default-index-map';
import { comparePython } from './internal/python-strings';
import { SubwordSegmenter } from './subword-segmenter';
import { Vocab, type VocabOptions } from './vocab';
import type { VocabState } from './vocab-state';

/**
 * A vocabulary of subword pieces (torchtext's `SubwordVocab`, for `SubwordField`): the specials,
 * then the pieces of a revtok {@link SubwordSegmenter} built from the counter — single characters
 * by count, then the picked n-grams by entropy, ties in Python's string order — up to `maxSize`
 * pieces besides the specials. `segment` splits words into those pieces.
 *
 * Options as {@link Vocab}'s, with torchtext's differences: `maxSize` is required (revtok cannot
 * build without it), the specials default to `['<pad>']` and come first, and `minFreq` and
 * `specialsFirst` do not apply (giving them throws, as torchtext's TypeError).
 *
 * @example
 * ```ts
 * const counter = new Map([['lower', 5], ['lowest', 2], ['newer', 6], ['wider', 3]]);
 * const vocab = new SubwordVocab(counter, { maxSize: 30, specials: ['<unk>', '<pad>'] });
 * vocab.segment('newest'); // ['ne', 'west']
 * vocab.lookupIndices(vocab.segment('newest')); // [29, 31]
 * ```
 */
export class SubwordVocab extends Vocab {
  /** The revtok segmenter whose pieces make the vocabulary. */
  segmenter: SubwordSegmenter;

  constructor(counter: Map<string, number>, options: VocabOptions = {}) {
    super(new Map(), { specials: [] });
    const { maxSize, specials = ['<pad>'], minFreq, specialsFirst } = options;
    if (maxSize === undefined || maxSize === null || !Number.isInteger(maxSize) || maxSize < 0) {
      throw new ValueError(`SubwordVocab: maxSize must be an integer >= 0 (revtok builds the subword vocabulary up to it), got ${maxSize}`);
    }
    if (minFreq !== undefined) throw new ValueError('SubwordVocab: minFreq does not apply to subword vocabularies (torchtext has no such argument)');
    if (specialsFirst === false) throw new ValueError('SubwordVocab: the specials always come first (torchtext has no specialsFirst here)');
    this.freqs = new Map(counter);
    this.itos = [...specials];
    const unk = specials.indexOf(Vocab.UNK);
    this.unkIndex = unk < 0 ? undefined : unk;
    this.stoi = new DefaultIndexMap(
      this.itos.map((t, i) => [t, i] as const),
      () => this.unkIndex,
    );
    this.segmenter = new SubwordSegmenter(counter, maxSize);
    const length = (s: string) => Array.from(s).length;
    const pieces = [...this.segmenter.vocab].sort(
      (a, b) => Number(length(a[0]) !== 1) - Number(length(b[0]) !== 1) || b[1] - a[1] || comparePython(a[0], b[0]),
    );
    const limit = maxSize + specials.length;
    for (const [piece] of pieces) {
      if (this.itos.length === limit) break;
      this.itos.push(piece);
      this.stoi.set(piece, this.itos.length - 1);
    }
    this.initVectors(options, 'SubwordVocab');
  }

  /**
   * The pieces of a word, or of each word of a list (torchtext's `vocab.segment(...)`).
   *
   * @example
   * ```ts
   * vocab.segment(['lowest', 'wider']); // ['lowest', 'wider']
   * ```
   */
  segment(utterance: string | readonly string[]): string[] {
    return this.segmenter.segment(utterance);
  }

  /** The {@link Vocab.stateDict} plus the segmenter's pieces. */
  override stateDict(): VocabState {
    return { ...super.stateDict(), subwords: [...this.segmenter.vocab] };
  }

  /** Restores a state saved by {@link stateDict}, the segmenter included. */
  override loadStateDict(state: VocabState): this {
    if (state?.subwords === undefined) throw new VocabError('SubwordVocab.fromStateDict: subwords must be the [piece, score] pairs of a saved SubwordVocab, got none');
    super.loadStateDict(state);
    this.segmenter = SubwordSegmenter.fromVocab(state.subwords);
    return this;
  }
}
