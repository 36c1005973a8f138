import { DatasetError } from '@dl/core/node';

/**
 * A dataset file that must hold examples holds none (a truncated download, an emptied file).
 *
 * @example
 * ```ts
 * try { await TREC.splits(text, label); }
 * catch (e) { if (e instanceof DatasetEmptyFileError) console.error(`re-download ${e.file}`); }
 * ```
 */
export class DatasetEmptyFileError extends DatasetError {
  /** The empty file. */
  readonly file: string;

  constructor(message: string, details: { file: string }) {
    super(message);
    this.file = details.file;
  }
}
