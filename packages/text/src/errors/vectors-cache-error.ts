import { VectorsError } from './vectors-error';

/**
 * The binary cache of a vectors file is unusable (truncated, corrupt, another format version, or
 * written for other vectors) and cannot be rebuilt because the text file it came from is gone
 * and cannot be downloaded again; or the cache cannot be written. The message names the cache
 * file and what is wrong; delete the file (or restore the text file) to recover.
 *
 * @example
 * ```ts
 * try { await new Vectors('glove.6B.50d.txt').load(); }
 * catch (e) { if (e instanceof VectorsCacheError) console.error(e.path, e.message); }
 * ```
 */
export class VectorsCacheError extends VectorsError {
  /** The cache file. */
  readonly path: string;

  constructor(message: string, details: { path: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.path = details.path;
  }
}
