import { formatBytes, formatDuration } from './format-bytes';

/** Where a progress display writes: `process.stderr` or anything with `write` (and TTY fields). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** How download progress is shown: a redrawn bar, a plain line every 10 %, or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'none';

const REDRAW_MS = 100;
// Erases what a longer earlier line left to the right of the cursor.
const CLEAR_LINE_END = '\x1b[K';

/**
 * Shows the progress of one transfer on a stream: a bar redrawn in place on a terminal, or plain
 * lines (at each 10 %, or each 10 MB when the size is unknown) for logs.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastStep = -1;
  private finished = false;

  constructor(
    private readonly label: string,
    private readonly mode: ProgressMode,
    private readonly stream: ProgressStream,
    private total: number | undefined,
    private readonly startAt = 0,
  ) {}

  /** Records that `received` bytes (of the whole file) are done. */
  update(received: number, total: number | undefined = this.total): void {
    this.total = total;
    if (this.mode === 'bar') {
      const now = Date.now();
      if (now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      this.stream.write(`\r${this.barLine(received)}${CLEAR_LINE_END}`);
    } else if (this.mode === 'lines') {
      const step = this.total ? Math.floor((received / this.total) * 10) : Math.floor(received / 10_000_000);
      if (step > this.lastStep && step > 0) {
        this.lastStep = step;
        const amount = this.total
          ? `${Math.min(100, step * 10)}% (${formatBytes(received)} of ${formatBytes(this.total)})`
          : formatBytes(received);
        this.stream.write(`${this.label}: ${amount}\n`);
      }
    }
  }

  /** Draws the final state and ends the line. */
  finish(received: number, ok: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (this.mode === 'bar') this.stream.write(`\r${this.barLine(received)}${ok ? '' : ' failed'}${CLEAR_LINE_END}\n`);
    else if (this.mode === 'lines' && ok) {
      const seconds = (Date.now() - this.started) / 1000;
      this.stream.write(`${this.label}: done, ${formatBytes(received)} in ${formatDuration(seconds)}\n`);
    }
  }

  private barLine(received: number): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 1e-3);
    const rate = (received - this.startAt) / seconds;
    const sizes = this.total ? `${formatBytes(received)}/${formatBytes(this.total)}` : formatBytes(received);
    const speed = `${formatBytes(rate)}/s`;
    const columns = this.stream.columns && this.stream.columns > 20 ? this.stream.columns : 80;
    if (!this.total) return truncate(`${this.label} ${sizes} ${speed}`, columns - 1);
    const fraction = Math.min(1, received / this.total);
    const eta = rate > 0 ? formatDuration((this.total - received) / rate) : '?';
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    const max = columns - 1;
    const minBar = 10;
    // `label percent |bar|tail`: the label and the speed give way first on narrow terminals.
    let tail = ` ${sizes} ${speed} ETA ${eta}`;
    if (8 + minBar + tail.length + 8 > max) tail = ` ${sizes} ETA ${eta}`;
    const label = truncate(this.label, Math.max(4, Math.min(30, max - 8 - minBar - tail.length)));
    const width = Math.max(3, max - label.length - 8 - tail.length);
    const filled = Math.round(fraction * width);
    return truncate(`${label} ${percent} |${'█'.repeat(filled)}${' '.repeat(width - filled)}|${tail}`, max);
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
