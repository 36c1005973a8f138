import { DLError } from '../../errors/dl-error';

/** What a {@link DownloadError} carries besides its message. */
export interface DownloadErrorDetails {
  /** The URL that failed (after redirects, the last one requested). */
  url: string;
  /** The HTTP status, when the server answered with one. */
  status?: number;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * A download failed: the server answered an error status, dropped the connection, sent more or
 * fewer bytes than it announced, or went silent past the timeout.
 *
 * @example
 * ```ts
 * try { await downloadUrl('https://example.org/missing.zip', root); }
 * catch (e) { if (e instanceof DownloadError) console.error(e.status, e.url); }
 * ```
 */
export class DownloadError extends DLError {
  /** The URL that failed. */
  readonly url: string;
  /** The HTTP status, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, details: DownloadErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
  }
}
