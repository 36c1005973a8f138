import { DLError } from '../../errors/dl-error';

/** A digest algorithm @dl/core verifies downloads with. */
export type ChecksumAlgorithm = 'md5' | 'sha256';

/**
 * A file's digest differs from the one expected (the download is corrupt or the file changed).
 *
 * @example
 * ```ts
 * try { await downloadUrl(url, root, { md5: 'd41d8cd98f00b204e9800998ecf8427e' }); }
 * catch (e) { if (e instanceof ChecksumError) console.error(e.expected, e.actual); }
 * ```
 */
export class ChecksumError extends DLError {
  /** The file that was checked. */
  readonly path: string;
  /** The digest algorithm. */
  readonly algorithm: ChecksumAlgorithm;
  /** The digest the caller expected (lowercase hex). */
  readonly expected: string;
  /** The digest the file has (lowercase hex). */
  readonly actual: string;

  constructor(message: string, details: { path: string; algorithm: ChecksumAlgorithm; expected: string; actual: string }) {
    super(message);
    this.path = details.path;
    this.algorithm = details.algorithm;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
