/** Time units a table may be forced to. */
export type TimeUnit = 's' | 'ms' | 'us';

/**
 * @internal Microseconds as PyTorch's profiler prints them: `1.234s`, `12.345ms`, `5.000us`
 * (or always in `unit`).
 */
export function formatTime(us: number, unit?: TimeUnit): string {
  if (unit === 's' || (unit === undefined && us >= 1e6)) return `${(us / 1e6).toFixed(3)}s`;
  if (unit === 'ms' || (unit === undefined && us >= 1e3)) return `${(us / 1e3).toFixed(3)}ms`;
  return `${us.toFixed(3)}us`;
}

/** @internal A share of a total as `12.34%` (`NaN` when the total is 0). */
export function formatShare(part: number, total: number): string {
  if (total === 0) return 'NaN';
  return `${((part * 100) / total).toFixed(2)}%`;
}

/** @internal Bytes as PyTorch prints memory: `1.50 MB`, `512 B`. */
export function formatMemory(bytes: number): string {
  const KB = 1024;
  const MB = KB * 1024;
  const GB = MB * 1024;
  const a = Math.abs(bytes);
  if (a >= GB) return `${(bytes / GB).toFixed(2)} GB`;
  if (a >= MB) return `${(bytes / MB).toFixed(2)} MB`;
  if (a >= KB) return `${(bytes / KB).toFixed(2)} KB`;
  return `${bytes} B`;
}

/** @internal Shapes as PyTorch prints them: `[[64, 784], [128, 784]]`. */
export function formatShapes(shapes: readonly (readonly number[])[] | null): string {
  if (shapes === null) return '';
  return `[${shapes.map((s) => `[${s.join(', ')}]`).join(', ')}]`;
}
