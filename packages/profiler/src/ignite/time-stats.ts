/** Statistics of one series of durations, in seconds; indices are positions in the series (0-based). */
export interface TimeStats {
  /** Entries that ran (non-zero durations). */
  count: number;
  total: number;
  /** Smallest duration and its index. */
  min: [number, number];
  /** Largest duration and its index. */
  max: [number, number];
  mean: number;
  /** Sample standard deviation (n - 1), null for a single entry. */
  std: number | null;
}

/**
 * @internal Stats over the entries that ran: ignite drops zeros (events that never fired) before
 * computing them. Null when nothing ran.
 */
export function timeStats(series: readonly (number | undefined)[]): TimeStats | null {
  let count = 0;
  let total = 0;
  let min: [number, number] = [Infinity, -1];
  let max: [number, number] = [-Infinity, -1];
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (v === undefined || !(v > 0)) continue;
    count++;
    total += v;
    if (v < min[0]) min = [v, i];
    if (v > max[0]) max = [v, i];
  }
  if (count === 0) return null;
  const mean = total / count;
  let ss = 0;
  for (const v of series) if (v !== undefined && v > 0) ss += (v - mean) ** 2;
  return { count, total, min, max, mean, std: count > 1 ? Math.sqrt(ss / (count - 1)) : null };
}

/** @internal A list of names as Python prints one: `['a', 'b']`. */
export function pyList(names: readonly string[]): string {
  return `[${names.map((n) => `'${n}'`).join(', ')}]`;
}

/** @internal Seconds with 5 decimals, as ignite prints them. */
export function sec(v: number): string {
  return v.toFixed(5);
}
