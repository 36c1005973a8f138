import { VectorsError } from './vectors-error';

/**
 * Where a {@link VectorsFormatError} was found, and what was expected there.
 *
 * @example
 * ```ts
 * const details: VectorsFormatErrorDetails = { path: 'vectors.txt', line: 3, expected: 300, actual: 299 };
 * ```
 */
export interface VectorsFormatErrorDetails {
  /** The vectors file. */
  path: string;
  /** The 1-based line number, when one line is at fault. */
  line?: number;
  /** What the line should have had (for a dimension mismatch: the dimension). */
  expected?: number | string;
  /** What it had. */
  actual?: number | string;
}

/**
 * A vectors text file does not hold what the word2vec/GloVe text format allows: a line whose
 * vector has another dimension than the lines before it, a value that is not a number, or no
 * vectors at all. The message names the file, the line, the expected and the actual value.
 *
 * @example
 * ```ts
 * try { await new Vectors('my-vectors.txt').load(); }
 * catch (e) { if (e instanceof VectorsFormatError) console.error(e.path, e.line, e.expected, e.actual); }
 * ```
 */
export class VectorsFormatError extends VectorsError {
  /** The vectors file. */
  readonly path: string;
  /** The 1-based line number, or `undefined` when the file as a whole is at fault. */
  readonly line: number | undefined;
  /** What was expected (the dimension, or a description). */
  readonly expected: number | string | undefined;
  /** What was found. */
  readonly actual: number | string | undefined;

  constructor(message: string, details: VectorsFormatErrorDetails) {
    super(message);
    this.path = details.path;
    this.line = details.line;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
