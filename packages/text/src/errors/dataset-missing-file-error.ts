import { DatasetError } from '@dl/core/node';

/**
 * A split's file is not where the dataset looks for it: a wrong `train`/`validation`/`test`
 * name, or a dataset folder that lacks a file its archive should have held.
 *
 * @example
 * ```ts
 * try { await WikiText2.splits(text, { train: 'wiki.train.raw' }); }
 * catch (e) { if (e instanceof DatasetMissingFileError) console.error(e.file); }
 * ```
 */
export class DatasetMissingFileError extends DatasetError {
  /** The path that was looked for. */
  readonly file: string;

  constructor(message: string, details: { file: string }) {
    super(message);
    this.file = details.file;
  }
}
