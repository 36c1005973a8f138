import { ExtractionLimitError } from './errors/extraction-limit-error';
import { formatBytes } from './format-bytes';

/** Counts the bytes an extraction writes and stops it past a cap (zip bombs). */
export class ByteBudget {
  private used = 0;

  constructor(
    private readonly op: string,
    private readonly archive: string,
    readonly limit: number,
    private readonly limitSource: string,
  ) {}

  /** Bytes written so far. */
  get written(): number {
    return this.used;
  }

  /** Fails before writing when an entry announces more bytes than the budget has left. */
  reserve(entry: string, declared: number): void {
    if (this.used + declared > this.limit) this.fail(entry, this.used + declared);
  }

  /** Records `bytes` written for `entry`; fails when the total passes the limit. */
  spend(entry: string, bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) this.fail(entry, this.used);
  }

  private fail(entry: string, total: number): never {
    throw new ExtractionLimitError(
      `${this.op}: extracting ${this.archive} would write more than ${this.limit} bytes (${formatBytes(this.limit)}, ${this.limitSource}): at least ${total} bytes by entry '${entry}'`,
      { archive: this.archive, entry, limit: this.limit },
    );
  }
}
