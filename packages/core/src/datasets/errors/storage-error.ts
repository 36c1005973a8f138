import { DLError } from '../../errors/dl-error';

/**
 * The file system refused a write: the folder is not writable, a path component is a file, or
 * the disk is full.
 *
 * @example
 * ```ts
 * try { await downloadUrl(url, '/read-only/data'); }
 * catch (e) { if (e instanceof StorageError) console.error(e.code, e.path); }
 * ```
 */
export class StorageError extends DLError {
  /** The path that could not be written. */
  readonly path: string;
  /** The system error code (`EACCES`, `ENOSPC`, `ENOTDIR`, `EROFS`, ...). */
  readonly code: string;

  constructor(message: string, details: { path: string; code: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.path = details.path;
    this.code = details.code;
  }
}
