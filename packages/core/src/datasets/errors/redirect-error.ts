import { DownloadError } from './download-error';

/**
 * A download was redirected in a loop or more times than `maxRedirects` allows.
 *
 * @example
 * ```ts
 * try { await downloadUrl(url, root, { maxRedirects: 3 }); }
 * catch (e) { if (e instanceof RedirectError) console.error(e.chain.join(' -> ')); }
 * ```
 */
export class RedirectError extends DownloadError {
  /** Every URL visited, in order, ending with the one that would have been requested next. */
  readonly chain: readonly string[];

  constructor(message: string, chain: readonly string[], status?: number) {
    super(message, { url: chain[chain.length - 1] ?? '', status });
    this.chain = chain;
  }
}
