import { VectorsAliasError } from '../errors/vectors-alias-error';
import { CharNGram } from './char-ngram';
import { FastText } from './fast-text';
import { GloVe } from './glove';
import type { Vectors, VectorsOptions } from './vectors';

/**
 * The names `Vocab.loadVectors` (and `Field.buildVocab`'s `vectors`) accept, each with the set it
 * makes (torchtext's `pretrained_aliases`); the options are passed to the set's constructor.
 *
 * @example
 * ```ts
 * Object.keys(pretrainedAliases); // ['charngram.100d', 'fasttext.en.300d', ..., 'glove.6B.300d']
 * const glove = await pretrainedAliases['glove.6B.50d']!({ cache: '/data/vectors' }).load();
 * ```
 */
export const pretrainedAliases: Readonly<Record<string, (options?: VectorsOptions) => Vectors>> = Object.freeze({
  'charngram.100d': (options?: VectorsOptions) => new CharNGram(options),
  'fasttext.en.300d': (options?: VectorsOptions) => new FastText({ ...options, language: 'en' }),
  'fasttext.simple.300d': (options?: VectorsOptions) => new FastText({ ...options, language: 'simple' }),
  'glove.42B.300d': (options?: VectorsOptions) => new GloVe({ ...options, name: '42B', dim: 300 }),
  'glove.840B.300d': (options?: VectorsOptions) => new GloVe({ ...options, name: '840B', dim: 300 }),
  'glove.twitter.27B.25d': (options?: VectorsOptions) => new GloVe({ ...options, name: 'twitter.27B', dim: 25 }),
  'glove.twitter.27B.50d': (options?: VectorsOptions) => new GloVe({ ...options, name: 'twitter.27B', dim: 50 }),
  'glove.twitter.27B.100d': (options?: VectorsOptions) => new GloVe({ ...options, name: 'twitter.27B', dim: 100 }),
  'glove.twitter.27B.200d': (options?: VectorsOptions) => new GloVe({ ...options, name: 'twitter.27B', dim: 200 }),
  'glove.6B.50d': (options?: VectorsOptions) => new GloVe({ ...options, name: '6B', dim: 50 }),
  'glove.6B.100d': (options?: VectorsOptions) => new GloVe({ ...options, name: '6B', dim: 100 }),
  'glove.6B.200d': (options?: VectorsOptions) => new GloVe({ ...options, name: '6B', dim: 200 }),
  'glove.6B.300d': (options?: VectorsOptions) => new GloVe({ ...options, name: '6B', dim: 300 }),
});

/**
 * The (not yet loaded) vectors set an alias names, made with `options`; throws
 * {@link VectorsAliasError} listing the allowed names for any other string.
 *
 * @example
 * ```ts
 * const glove = await vectorsFromAlias('glove.6B.50d', { cache: '/data/vectors' }).load();
 * vectorsFromAlias('glove.6B.51d'); // throws VectorsAliasError
 * ```
 */
export function vectorsFromAlias(alias: string, options?: VectorsOptions): Vectors {
  const make = Object.hasOwn(pretrainedAliases, alias) ? pretrainedAliases[alias] : undefined;
  if (make === undefined) {
    throw new VectorsAliasError(`unknown pretrained vectors ${JSON.stringify(alias)}: the allowed names are ${Object.keys(pretrainedAliases).join(', ')}`);
  }
  return make(options);
}
