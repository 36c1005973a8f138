import { ArgumentTypeError } from '@dl/core';
import { Vocab, type VocabOptions } from './vocab';

/**
 * Options of {@link buildVocabFromIterator}: those of {@link Vocab} without `vectors` (load them
 * afterwards with `vocab.loadVectors`).
 *
 * @example
 * ```ts
 * const options: BuildVocabOptions = { minFreq: 2, specials: ['<unk>'] };
 * ```
 */
export type BuildVocabOptions = Omit<VocabOptions, 'vectors' | 'unkInit' | 'vectorsCache' | 'vectorsOptions'>;

/** Counts the tokens of one item of the iterator into `counter`. */
function count(counter: Map<string, number>, tokens: Iterable<string>, line: number): void {
  if (typeof tokens === 'string' || tokens === null || typeof (tokens as Iterable<string>)[Symbol.iterator] !== 'function') {
    throw new ArgumentTypeError(`buildVocabFromIterator: item ${line} must be an iterable of tokens (e.g. string[]), got ${typeof tokens === 'string' ? 'a string' : tokens === null ? 'null' : typeof tokens}`);
  }
  for (const token of tokens) counter.set(token, (counter.get(token) ?? 0) + 1);
}

/**
 * Builds a {@link Vocab} from the token lists an iterator yields (torchtext's
 * `build_vocab_from_iterator`): counts every token, then ranks them as the Vocab constructor
 * does. Takes a synchronous iterable (returns the Vocab) or an async one (returns a Promise).
 *
 * @example
 * ```ts
 * const vocab = buildVocabFromIterator([['the', 'movie'], ['the', 'plot']], { specials: ['<unk>'] });
 * vocab.itos; // ['<unk>', 'the', 'movie', 'plot']
 * const fromFile = await buildVocabFromIterator(readTokenizedLines('train.txt'));
 * ```
 */
export function buildVocabFromIterator(iterator: Iterable<Iterable<string>>, options?: BuildVocabOptions): Vocab;
export function buildVocabFromIterator(iterator: AsyncIterable<Iterable<string>>, options?: BuildVocabOptions): Promise<Vocab>;
export function buildVocabFromIterator(
  iterator: Iterable<Iterable<string>> | AsyncIterable<Iterable<string>>,
  options: BuildVocabOptions = {},
): Vocab | Promise<Vocab> {
  const counter = new Map<string, number>();
  const { vectors, unkInit, vectorsCache } = options as VocabOptions;
  if (vectors !== undefined || unkInit !== undefined || vectorsCache !== undefined) {
    throw new ArgumentTypeError('buildVocabFromIterator: vectors are not built here; call `await vocab.loadVectors(...)` on the result');
  }
  if (iterator !== null && typeof iterator === 'object' && Symbol.asyncIterator in iterator) {
    return (async () => {
      let line = 0;
      for await (const tokens of iterator) count(counter, tokens, line++);
      return new Vocab(counter, options);
    })();
  }
  if (iterator === null || typeof (iterator as Iterable<Iterable<string>>)[Symbol.iterator] !== 'function') {
    throw new ArgumentTypeError(`buildVocabFromIterator: expected an iterable of token lists, got ${iterator === null ? 'null' : typeof iterator}`);
  }
  let line = 0;
  for (const tokens of iterator as Iterable<Iterable<string>>) count(counter, tokens, line++);
  return new Vocab(counter, options);
}
