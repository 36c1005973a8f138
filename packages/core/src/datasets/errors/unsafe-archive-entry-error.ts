import { ArchiveError } from './archive-error';

/**
 * An archive entry would land outside the extraction folder (`..`, an absolute path, a link that
 * points outside) or is a device/FIFO; nothing of the archive is kept.
 *
 * @example
 * ```ts
 * try { await extractArchive('evil.tar', 'out'); }
 * catch (e) { if (e instanceof UnsafeArchiveEntryError) console.error(e.entry, e.reason); }
 * ```
 */
export class UnsafeArchiveEntryError extends ArchiveError {
  /** Why the entry was refused. */
  readonly reason: string;

  constructor(message: string, details: { archive: string; entry: string; reason: string }) {
    super(message, details);
    this.reason = details.reason;
  }
}
