import { DatasetError } from '@dl/core/node';

/** What a {@link DatasetFormatError} carries besides its message. */
export interface DatasetFormatErrorDetails {
  /** The file that holds the bad line. */
  file: string;
  /** The 1-based line number, when the fault is on one line. */
  line?: number;
}

/**
 * A dataset file holds something its format does not allow: a PTB tree that does not close, a
 * bAbI line without its id, a JSON line that does not parse, a tagged line with the wrong number
 * of columns. The message names the file, the line, what was expected and what was found.
 *
 * @example
 * ```ts
 * try { await SST.splits(text, label); }
 * catch (e) { if (e instanceof DatasetFormatError) console.error(e.file, e.line, e.message); }
 * ```
 */
export class DatasetFormatError extends DatasetError {
  /** The file that holds the bad line. */
  readonly file: string;
  /** The 1-based line number, when the fault is on one line. */
  readonly line: number | undefined;

  constructor(message: string, details: DatasetFormatErrorDetails) {
    super(message);
    this.file = details.file;
    this.line = details.line;
  }
}
