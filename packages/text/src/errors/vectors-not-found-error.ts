import { VectorsError } from './vectors-error';

/**
 * No vectors file is where it should be: the name is not a file, not in the cache folder, and no
 * URL was given, or the downloaded archive did not contain it (torchtext's
 * `RuntimeError: no vectors found at ...`). The message names the path looked for.
 *
 * @example
 * ```ts
 * try { await new Vectors('missing.txt', { cache: './vectors' }).load(); }
 * catch (e) { if (e instanceof VectorsNotFoundError) console.error(e.path); }
 * ```
 */
export class VectorsNotFoundError extends VectorsError {
  /** The file that was looked for. */
  readonly path: string;

  constructor(message: string, details: { path: string }) {
    super(message);
    this.path = details.path;
  }
}
