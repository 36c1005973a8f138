import { ArgumentTypeError, type Tensor, tensor, ValueError } from '@dl/core';
import type { DatasetDownloadOptions } from '@dl/core/node';
import { VectorsError } from '../errors/vectors-error';
import { loadVectorsData, type VectorsData } from './internal/load-vectors-data';
import { mirrored } from './internal/vectors-files';
import { type UnkInit, unkValues } from './unk-init';

/**
 * Options of {@link Vectors} (and, through them, of {@link GloVe}, {@link FastText},
 * {@link CharNGram} and `Vocab.loadVectors`).
 *
 * @example
 * ```ts
 * const options: VectorsOptions = { cache: '/data/vector_cache', maxVectors: 100_000 };
 * ```
 */
export interface VectorsOptions {
  /**
   * The folder downloads, extracted files and binary caches go to. Relative paths are relative
   * to the working directory, as torchtext's. @default '.vector_cache'
   */
  cache?: string;
  /** Where to download the file from when it is not in `cache`. @default undefined (no download) */
  url?: string;
  /** Makes the vector of a word the set does not have. @default undefined (zeros) */
  unkInit?: UnkInit;
  /**
   * Read only the first `maxVectors` vectors (most files list frequent words first); cached
   * apart from the full set. `0` or `undefined` reads all. @default undefined
   */
  maxVectors?: number;
  /**
   * A folder URL that serves the same files, used instead of the URL's own folder (the file name
   * is kept): `mirror: 'http://intranet/vectors'` fetches `http://intranet/vectors/glove.6B.zip`.
   * The pretrained classes default it to `$DL_TEXT_VECTORS_MIRROR`. @default undefined
   */
  mirror?: string;
  /** How downloads run (progress bar, retries, timeout, certificates); see `downloadUrl`. @default {} */
  downloadOptions?: DatasetDownloadOptions;
}

/**
 * Pretrained word vectors from a text file (torchtext's `Vectors`): one `token v1 ... vd` a line,
 * as GloVe, word2vec and fastText (`.vec`, with its `count dim` header) publish them, optionally
 * gzip-compressed (`.gz`). `name` is a file path, or a file name in the `cache` folder, downloaded
 * from `url` when missing (and extracted when it comes as a `.zip` or `.tar.gz`).
 *
 * Loading is asynchronous: `await vectors.load()` (or let `Vocab.loadVectors` do it). The first
 * load parses the text and writes a binary cache beside it (`<name>.dlvec`, torchtext's `.pt`);
 * later loads read that cache, many times faster, until the text file changes. A corrupt cache is
 * rebuilt from the text (or reported by a `VectorsCacheError` when the text is gone).
 *
 * @example
 * ```ts
 * const vectors = await new Vectors('my-vectors.txt', { cache: './vector_cache' }).load();
 * vectors.dim; // 100
 * vectors.get('hello'); // Tensor [100]
 * vectors.getVecsByTokens(['Hello', 'world'], true); // Tensor [2, 100], 'hello' used for 'Hello'
 * ```
 */
export class Vectors {
  /** The file name (or path) the set was asked for. */
  readonly name: string;
  /** The cache folder. */
  readonly cache: string;
  /** Where the file is downloaded from when missing (after `mirror`). */
  readonly url: string | undefined;
  /** The most vectors read, or `undefined` for all. */
  readonly maxVectors: number | undefined;
  /** Makes the vectors of missing words (`undefined`: zeros). */
  unkInit: UnkInit | undefined;
  /** How downloads run. */
  readonly downloadOptions: DatasetDownloadOptions;
  private loaded: VectorsData | undefined;
  private loading: Promise<this> | undefined;
  private tensorCache: Tensor | undefined;
  private stoiCache: Map<string, number> | undefined;

  constructor(name: string, options: VectorsOptions = {}) {
    const op = new.target.name;
    if (typeof name !== 'string' || name === '') throw new ArgumentTypeError(`${op}: name must be a non-empty string (a file name or path), got ${JSON.stringify(name)}`);
    if (options === null || typeof options !== 'object') throw new ArgumentTypeError(`${op}: options must be an object, got ${String(options)}`);
    const { maxVectors, unkInit } = options;
    if (maxVectors !== undefined && maxVectors !== null && !(Number.isInteger(maxVectors) && maxVectors >= 0)) {
      throw new ValueError(`${op}: maxVectors must be an integer >= 0, got ${maxVectors}`);
    }
    if (unkInit !== undefined && typeof unkInit !== 'function') throw new ArgumentTypeError(`${op}: unkInit must be a function (tensor) => tensor, got ${typeof unkInit}`);
    this.name = name;
    this.cache = options.cache ?? '.vector_cache';
    this.url = options.url === undefined ? undefined : mirrored(options.url, options.mirror);
    this.maxVectors = maxVectors || undefined;
    this.unkInit = unkInit;
    this.downloadOptions = options.downloadOptions ?? {};
  }

  /**
   * Reads the vectors (from the binary cache, or the text file, downloading it when needed) and
   * resolves with `this`. Calling it again returns the same promise.
   *
   * @example
   * ```ts
   * const glove = await new GloVe({ name: '6B', dim: 100 }).load();
   * ```
   */
  load(): Promise<this> {
    this.loading ??= loadVectorsData({
      name: this.name,
      cache: this.cache,
      url: this.url,
      maxVectors: this.maxVectors,
      download: this.downloadOptions,
    }).then(
      (data) => {
        this.loaded = data;
        return this;
      },
      (error: unknown) => {
        this.loading = undefined; // a later call may try again (after the network is back, ...)
        throw error;
      },
    );
    return this.loading;
  }

  /** Whether {@link load} has finished. */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** @internal The loaded data, or a VectorsError saying to load first. */
  protected get data(): VectorsData {
    if (this.loaded === undefined) {
      throw new VectorsError(`${this.constructor.name} '${this.name}' is not loaded yet: await vectors.load() first (Vocab.loadVectors loads it for you)`);
    }
    return this.loaded;
  }

  /** The number of values in each vector. */
  get dim(): number {
    return this.data.dim;
  }

  /** The number of vectors (torchtext's `len(vectors)`). */
  get length(): number {
    return this.data.table.count;
  }

  /** The tokens by index (decoded on first use). */
  get itos(): string[] {
    return this.data.table.all();
  }

  /** Token to index (built on first use; a token listed twice maps to its last index, as torchtext's). */
  get stoi(): Map<string, number> {
    this.stoiCache ??= this.data.table.toMap();
    return this.stoiCache;
  }

  /** All vectors as a float32 tensor `[length, dim]` (made on first use). */
  get vectors(): Tensor {
    const { data, dim, table } = this.data;
    this.tensorCache ??= tensor(data).reshape([table.count, dim]);
    return this.tensorCache;
  }

  /** The binary cache file (after loading). */
  get cachePath(): string {
    return this.data.cachePath;
  }

  /** Whether the last load read the binary cache rather than the text file. */
  get loadedFromCache(): boolean {
    return this.data.fromCache;
  }

  /**
   * Whether the set has a vector for `token` (torchtext's `token in vectors.stoi`).
   *
   * @example
   * ```ts
   * glove.has('the'); // true
   * ```
   */
  has(token: string): boolean {
    return this.data.table.indexOf(token) >= 0;
  }

  /**
   * The vector of `token`, shape `[dim]`; a word the set does not have gets `unkInit`'s vector
   * (zeros by default), as torchtext's `vectors[token]`.
   *
   * @example
   * ```ts
   * glove.get('king').shape; // [50]
   * ```
   */
  get(token: string): Tensor {
    return tensor(Float32Array.from(this._valuesOf(token)));
  }

  /**
   * The vectors of several tokens as `[tokens.length, dim]`, or of one token as `[dim]`
   * (torchtext's `get_vecs_by_tokens`). With `lowerCaseBackup`, a token the set does not have
   * is looked up in lower case before falling back to `unkInit`.
   *
   * @example
   * ```ts
   * glove.getVecsByTokens(['chip', 'baby', 'Beautiful'], true).shape; // [3, 50]
   * ```
   */
  getVecsByTokens(tokens: string | string[], lowerCaseBackup = false): Tensor {
    const one = typeof tokens === 'string';
    const list = one ? [tokens] : tokens;
    if (!Array.isArray(list)) throw new ArgumentTypeError(`${this.constructor.name}.getVecsByTokens: tokens must be a string or an array of strings, got ${typeof tokens}`);
    const dim = this.dim;
    const out = new Float32Array(list.length * dim);
    list.forEach((token, i) => {
      const key = lowerCaseBackup && !this.has(token) ? token.toLowerCase() : token;
      out.set(this._valuesOf(key), i * dim);
    });
    const result = tensor(out);
    return one ? result : result.reshape([list.length, dim]);
  }

  /**
   * @internal The values of `token`'s vector (a view into the set for a known word; do not
   * change it), or the values `unkInit` (the set's own by default) makes for a missing one.
   */
  _valuesOf(token: string, unkInit: UnkInit | undefined = this.unkInit): Float32Array {
    const { table, data, dim } = this.data;
    const index = table.indexOf(token);
    if (index >= 0) return data.subarray(index * dim, (index + 1) * dim);
    return unkValues(unkInit, dim, `${this.constructor.name}.get`);
  }

  /** `Vectors(name='glove.6B.50d.txt', length=400000, dim=50)` (or `loaded=false`). */
  toString(): string {
    const shape = this.loaded ? `length=${this.length}, dim=${this.dim}` : 'loaded=false';
    return `${this.constructor.name}(name='${this.name}', ${shape})`;
  }
}
