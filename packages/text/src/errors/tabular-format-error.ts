import { DLError } from '@dl/core';

/**
 * A row of a CSV, TSV or JSON-lines file cannot be read into an Example: malformed quoting or
 * JSON, a row with a different number of columns than the fields describe, a header without a
 * requested column, or a missing JSON key. The message names the file, the 1-based line and the
 * field; `file`, `line` and `field` carry them too.
 *
 * @example
 * ```ts
 * try { await TabularDataset.create('train.tsv', 'tsv', fields); }
 * catch (e) { if (e instanceof TabularFormatError) console.error(e.file, e.line, e.message); }
 * ```
 */
export class TabularFormatError extends DLError {
  constructor(
    message: string,
    /** The file being read. */
    readonly file: string,
    /** The 1-based line the bad row starts on. */
    readonly line: number,
    /** The field (or column/key) at fault, when one is. */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
