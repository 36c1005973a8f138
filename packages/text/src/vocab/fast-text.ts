import { basename } from 'node:path';
import { ValueError } from '@dl/core';
import { VECTORS_MIRROR_ENV, mirrored } from './internal/vectors-files';
import { Vectors, type VectorsOptions } from './vectors';

/**
 * Options of {@link FastText}.
 *
 * @example
 * ```ts
 * new FastText({ language: 'simple', maxVectors: 50_000 });
 * ```
 */
export interface FastTextOptions extends VectorsOptions {
  /** The Wikipedia language code of the set (`'en'`, `'simple'`, `'de'`, ...). @default 'en' */
  language?: string;
}

/**
 * fastText's Wikipedia vectors, 300 dimensions (torchtext's `FastText`): downloads
 * `wiki.<language>.vec` from Facebook's server into the cache folder and reads it (its first
 * line, `count dim`, is the header). The file is named after the URL, as in torchtext, so a
 * `url` ending in `.vec.gz` is read compressed.
 *
 * @example
 * ```ts
 * const fasttext = await new FastText({ language: 'simple' }).load();
 * fasttext.dim; // 300
 * ```
 */
export class FastText extends Vectors {
  /** torchtext's `FastText.url_base`; `{}` is the language. */
  static readonly urlBase = 'https://dl.fbaipublicfiles.com/fasttext/vectors-wiki/wiki.{}.vec';

  /** The language code. */
  readonly language: string;

  constructor(options: FastTextOptions = {}) {
    const language = options.language ?? 'en';
    if (typeof language !== 'string' || !/^[A-Za-z0-9_-]+$/.test(language)) {
      throw new ValueError(`FastText: language must be a code such as 'en' or 'simple' (letters, digits, '-', '_'), got ${JSON.stringify(language)}`);
    }
    const home = FastText.urlBase.replace('{}', language);
    const url = options.url ?? mirrored(home, options.mirror ?? process.env[VECTORS_MIRROR_ENV]);
    // torchtext names the file after the URL's last segment.
    super(basename(new URL(url).pathname), { ...options, url, mirror: options.url === undefined ? undefined : options.mirror });
    this.language = language;
  }
}
