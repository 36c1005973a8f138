import { ArchiveError } from './archive-error';

/**
 * Extracting an archive would write more bytes than allowed (`maxBytes`), as a zip bomb would.
 *
 * @example
 * ```ts
 * try { await extractArchive('big.zip', 'out', { maxBytes: 1e9 }); }
 * catch (e) { if (e instanceof ExtractionLimitError) console.error(e.limit); }
 * ```
 */
export class ExtractionLimitError extends ArchiveError {
  /** The byte cap in force. */
  readonly limit: number;

  constructor(message: string, details: { archive: string; entry?: string; limit: number }) {
    super(message, details);
    this.limit = details.limit;
  }
}
