import { DLError } from '../../errors/dl-error';

/**
 * An archive cannot be extracted: its format is unknown, or it is truncated or corrupt.
 *
 * @example
 * ```ts
 * try { await extractArchive('data.tar.gz', 'out'); }
 * catch (e) { if (e instanceof ArchiveError) console.error(e.archive, e.entry); }
 * ```
 */
export class ArchiveError extends DLError {
  /** The archive file. */
  readonly archive: string;
  /** The entry being read when it failed, if any. */
  readonly entry: string | undefined;

  constructor(message: string, details: { archive: string; entry?: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.archive = details.archive;
    this.entry = details.entry;
  }
}
