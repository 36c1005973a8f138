import { ValueError } from '@dl/core';
import { formatMemory, formatShapes, formatShare, formatTime, type TimeUnit } from './format-units';
import { sortField, type SortKey, type SortableRow } from './sort-keys';

/** What one row of the table shows (an event or an average). */
export interface TableRow extends SortableRow {
  readonly key: string;
  readonly inputShapes: number[][] | null;
  readonly stack: string[] | null;
  readonly isAsync: boolean;
  readonly parent: unknown;
}

/** Options of `table()` (PyTorch's `EventList.table`). */
export interface TableOptions {
  /** Sort rows by this key, largest first. @default undefined (recording order) */
  sortBy?: SortKey;
  /** Rows shown at most (`-1` or `Infinity`: all). @default 100 */
  rowLimit?: number;
  /** Width of the Source Location column (with `withStack`). @default 75 */
  maxSrcColumnWidth?: number;
  /** Width of the Name column; longer names end in `...`. @default 55 */
  maxNameColumnWidth?: number;
  /** Width of the Input Shapes column. @default 80 */
  maxShapesColumnWidth?: number;
  /** A title printed above the table. @default undefined */
  header?: string;
  /** Only events with no enclosing event. @default false */
  topLevelEventsOnly?: boolean;
  /** Print every time in this unit instead of picking one per value. @default undefined */
  timeUnit?: TimeUnit;
}

/** @internal What the recording holds beyond the rows. */
export interface TableContext {
  profileMemory: boolean;
  withFlops: boolean;
}

const DEFAULT_COLUMN_WIDTH = 12;
const SPACING = 2;
const FLOP_UNITS = ['FLOPs', 'KFLOPs', 'MFLOPs', 'GFLOPs', 'TFLOPs', 'PFLOPs'];

function checkWidth(v: number | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 4) throw new ValueError(`table: ${name} should be an integer >= 4, got ${String(v)}`);
  return v;
}

function checkOptions(options: TableOptions): void {
  const { rowLimit, timeUnit } = options;
  if (rowLimit !== undefined && rowLimit !== -1 && rowLimit !== Infinity && !(Number.isInteger(rowLimit) && rowLimit >= 0)) {
    throw new ValueError(`table: rowLimit should be an integer >= 0 (or -1 for all rows), got ${String(rowLimit)}`);
  }
  if (timeUnit !== undefined && timeUnit !== 's' && timeUnit !== 'ms' && timeUnit !== 'us') {
    throw new ValueError(`table: timeUnit should be 's', 'ms' or 'us', got ${String(timeUnit)}`);
  }
}

function pad(text: string, width: number, left: boolean): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

function trimPath(path: string, width: number): string {
  if (path.length <= width) return path;
  const cut = path.slice(path.length - width);
  return cut.length > 3 ? '...' + cut.slice(3) : cut;
}

/** The largest `f(item)`; a loop, since spreading a million rows into Math.max overflows the stack. */
function maxOf<T>(items: readonly T[], f: (item: T) => number): number {
  let m = 0;
  for (const it of items) {
    const v = f(it);
    if (v > m) m = v;
  }
  return m;
}

function flopScale(rows: readonly TableRow[]): { scale: number; unit: string } | null {
  let min = Infinity;
  for (const r of rows) if (r.flops > 0 && r.flops < min) min = r.flops;
  if (min === Infinity) return null;
  const level = Math.max(0, Math.min(Math.floor(Math.log10(min) / 3), FLOP_UNITS.length - 1));
  return { scale: 10 ** (-3 * level), unit: FLOP_UNITS[level] };
}

/**
 * @internal Formats rows as PyTorch's profiler table: Name, Self CPU %, Self CPU, CPU total %,
 * CPU total, CPU time avg, memory columns (with `profileMemory`), # of Calls, then Input Shapes,
 * Total FLOPs and Source Location when the rows carry them, and the "Self CPU time total" line.
 */
export function buildTable(input: readonly TableRow[], options: TableOptions, ctx: TableContext): string {
  checkOptions(options);
  if (input.length === 0) return '';
  let rows = input;
  if (options.sortBy !== undefined) {
    const field = sortField(options.sortBy, 'table');
    rows = input.slice().sort((a, b) => b[field] - a[field]);
  }
  const rowLimit = options.rowLimit ?? 100;
  const maxName = checkWidth(options.maxNameColumnWidth, 'maxNameColumnWidth', 55);
  const maxShapes = checkWidth(options.maxShapesColumnWidth, 'maxShapesColumnWidth', 80);
  const maxSrc = checkWidth(options.maxSrcColumnWidth, 'maxSrcColumnWidth', 75);
  const unit = options.timeUnit;

  const hasShapes = rows.some((r) => r.inputShapes !== null && r.inputShapes.length > 0);
  const stacks = rows.filter((r) => r.stack !== null && r.stack.length > 0).map((r) => r.stack as string[]);
  const hasStack = stacks.length > 0;
  const flops = ctx.withFlops ? flopScale(rows) : null;

  const nameWidth = Math.min(maxOf(rows, (r) => r.key.length) + 4, maxName);
  const shapesWidth = hasShapes ? Math.min(maxOf(rows, (r) => formatShapes(r.inputShapes).length) + 4, maxShapes) : 0;
  const srcWidth = hasStack ? Math.min(maxOf(stacks, (s) => maxOf(s, (f) => f.length)) + 4, maxSrc) : 0;

  const columns: { header: string; width: number; left: boolean }[] = [{ header: 'Name', width: nameWidth, left: false }];
  const addCol = (header: string, width = DEFAULT_COLUMN_WIDTH, left = false): void => void columns.push({ header, width, left });
  for (const h of ['Self CPU %', 'Self CPU', 'CPU total %', 'CPU total', 'CPU time avg']) addCol(h);
  if (ctx.profileMemory) {
    addCol('CPU Mem');
    addCol('Self CPU Mem');
  }
  addCol('# of Calls');
  if (hasShapes) addCol('Input Shapes', shapesWidth);
  if (flops) addCol(`Total ${flops.unit}`);
  if (hasStack) addCol('Source Location', srcWidth, true);

  const line = (values: string[]): string => values.map((v, i) => pad(v, columns[i].width, columns[i].left)).join(' '.repeat(SPACING)) + ' '.repeat(SPACING);
  const sep = columns.map((c) => '-'.repeat(c.width)).join(' '.repeat(SPACING)) + ' '.repeat(SPACING);
  const lineLength = columns.reduce((n, c) => n + c.width + SPACING, -SPACING);

  let selfTotal = 0;
  for (const r of rows) selfTotal += r.selfCpuTimeTotal;

  const out: string[] = [];
  if (options.header !== undefined) out.push('='.repeat(lineLength), options.header);
  if (options.topLevelEventsOnly) out.push('='.repeat(lineLength), 'This report only display top-level ops statistics');
  out.push(sep, line(columns.map((c) => c.header)), sep);
  let shown = 0;
  for (const r of rows) {
    if (shown === rowLimit) break;
    if (options.topLevelEventsOnly && r.parent !== null) continue;
    shown++;
    let name = r.key;
    if (name.length >= maxName - 3) name = name.slice(0, maxName - 3) + '...';
    const values = [
      name,
      formatShare(r.selfCpuTimeTotal, selfTotal),
      formatTime(r.selfCpuTimeTotal, unit),
      r.isAsync ? '0' : formatShare(r.cpuTimeTotal, selfTotal),
      formatTime(r.cpuTimeTotal, unit),
      formatTime(r.cpuTime, unit),
    ];
    if (ctx.profileMemory) values.push(formatMemory(r.cpuMemoryUsage), formatMemory(r.selfCpuMemoryUsage));
    values.push(String(r.count));
    if (hasShapes) values.push(formatShapes(r.inputShapes).slice(0, shapesWidth));
    if (flops) values.push(r.flops > 0 ? (r.flops * flops.scale).toFixed(3).padStart(8) : '--');
    if (hasStack) values.push(r.stack && r.stack.length > 0 ? trimPath(r.stack[0], srcWidth) : '');
    out.push(line(values));
    if (hasStack) {
      const blank = columns.slice(0, -1).map(() => '');
      for (const frame of (r.stack ?? []).slice(1)) out.push(line([...blank, trimPath(frame, srcWidth)]));
      out.push(line([...blank, '']));
    }
  }
  out.push(sep, `Self CPU time total: ${formatTime(selfTotal, unit)}`);
  return out.join('\n') + '\n';
}
