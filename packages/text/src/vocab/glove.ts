import { VectorsAliasError } from '../errors/vectors-alias-error';
import { VECTORS_MIRROR_ENV, mirrored } from './internal/vectors-files';
import { Vectors, type VectorsOptions } from './vectors';

/**
 * The GloVe sets Stanford publishes (torchtext's `GloVe.url` keys): Wikipedia 2014 + Gigaword 5
 * (`'6B'`), Common Crawl (`'42B'`, `'840B'`, cased) and Twitter (`'twitter.27B'`).
 *
 * @example
 * ```ts
 * const name: GloVeName = '6B';
 * ```
 */
export type GloVeName = '6B' | '42B' | '840B' | 'twitter.27B';

/**
 * Options of {@link GloVe}.
 *
 * @example
 * ```ts
 * new GloVe({ name: 'twitter.27B', dim: 25, cache: '/data/vector_cache' });
 * ```
 */
export interface GloVeOptions extends VectorsOptions {
  /** Which corpus. @default '840B' (torchtext's default) */
  name?: GloVeName;
  /** The vector size: 50, 100, 200 or 300 for 6B; 25, 50, 100 or 200 for twitter.27B; 300 otherwise. @default 300 */
  dim?: number | string;
}

/**
 * GloVe vectors (torchtext's `GloVe`): downloads Stanford's zip (`glove.6B.zip` holds
 * `glove.6B.{50,100,200,300}d.txt`) into the cache folder, extracts it, and reads the member of
 * the asked dimension, `glove.<name>.<dim>d.txt`. The other members stay extracted, so another
 * dimension of the same set needs no second download.
 *
 * @example
 * ```ts
 * const glove = await new GloVe({ name: '6B', dim: 50 }).load(); // 400,000 words x 50
 * glove.get('paris').shape; // [50]
 * ```
 */
export class GloVe extends Vectors {
  /** The zip of each set (torchtext's `GloVe.url`). */
  static readonly urls: Readonly<Record<GloVeName, string>> = {
    '42B': 'http://nlp.stanford.edu/data/glove.42B.300d.zip',
    '840B': 'http://nlp.stanford.edu/data/glove.840B.300d.zip',
    'twitter.27B': 'http://nlp.stanford.edu/data/glove.twitter.27B.zip',
    '6B': 'http://nlp.stanford.edu/data/glove.6B.zip',
  };
  /** The dimensions each set comes in. */
  static readonly dims: Readonly<Record<GloVeName, readonly number[]>> = {
    '42B': [300],
    '840B': [300],
    'twitter.27B': [25, 50, 100, 200],
    '6B': [50, 100, 200, 300],
  };

  /** The set. */
  readonly corpus: GloVeName;
  /** The vector size asked for. */
  readonly requestedDim: number;

  constructor(options: GloVeOptions = {}) {
    const corpus = options.name ?? '840B';
    const dims = Object.hasOwn(GloVe.dims, corpus) ? GloVe.dims[corpus] : undefined;
    if (dims === undefined) {
      throw new VectorsAliasError(`GloVe: name must be one of ${Object.keys(GloVe.urls).map((k) => `'${k}'`).join(', ')}, got ${JSON.stringify(corpus)}`);
    }
    const dim = Number(options.dim ?? 300);
    if (!dims.includes(dim)) {
      throw new VectorsAliasError(`GloVe: the '${corpus}' vectors come in dim ${dims.join(', ')}, got ${JSON.stringify(options.dim ?? 300)}`);
    }
    const url = options.url ?? mirrored(GloVe.urls[corpus], options.mirror ?? process.env[VECTORS_MIRROR_ENV]);
    super(`glove.${corpus}.${dim}d.txt`, { ...options, url, mirror: options.url === undefined ? undefined : options.mirror });
    this.corpus = corpus;
    this.requestedDim = dim;
  }
}
