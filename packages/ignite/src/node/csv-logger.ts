import { ValueError } from '@dl/core';
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BaseLogger } from '../loggers/base-logger';
import { flattenValues, type LogRecord } from '../loggers/log-record';

const FIXED = ['tag', 'step', 'epoch', 'iteration', 'time'] as const;

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : String(v)) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes records as a CSV table a plotting tool can read: columns `tag, step, epoch, iteration,
 * time`, then one column per value (vectors become `name[0]`, `name[1]`, ...), one row per
 * record. When a record brings a new column, the file is rewritten (atomically) with it.
 *
 * @example
 * ```ts
 * const csv = new CsvLogger('runs/metrics.csv');
 * csv.attachOutputHandler(evaluator, { eventName: Events.COMPLETED, tag: 'validation', metricNames: 'all', globalStepTransform: globalStepFromEngine(trainer) });
 * // pandas: pd.read_csv('runs/metrics.csv').query("tag == 'validation'").plot(x='step', y='accuracy')
 * ```
 */
export class CsvLogger extends BaseLogger {
  /** The file written. */
  readonly path: string;
  /** The value columns, in order of first appearance. */
  readonly columns: string[] = [];
  private readonly rows: Record<string, unknown>[] = [];

  constructor(path: string) {
    super();
    if (typeof path !== 'string' || path.length === 0) throw new ValueError(`CsvLogger: path should be a non-empty string, got ${String(path)}`);
    this.path = resolve(path);
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, FIXED.join(',') + '\n');
  }

  private line(row: Record<string, unknown>): string {
    return [...FIXED, ...this.columns].map((c) => cell(row[c])).join(',') + '\n';
  }

  write(record: LogRecord): void {
    const flat = flattenValues(record.values);
    const row: Record<string, unknown> = { tag: record.tag, step: record.step, epoch: record.epoch, iteration: record.iteration, time: record.time };
    let grew = false;
    for (const [k, v] of Object.entries(flat)) {
      const col = (FIXED as readonly string[]).includes(k) ? `value.${k}` : k;
      if (!this.columns.includes(col)) {
        this.columns.push(col);
        grew = true;
      }
      row[col] = v;
    }
    this.rows.push(row);
    if (!grew) {
      appendFileSync(this.path, this.line(row));
      return;
    }
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, [FIXED.join(',') + (this.columns.length ? ',' + this.columns.map(cell).join(',') : '') + '\n', ...this.rows.map((r) => this.line(r))].join(''));
    renameSync(tmp, this.path);
  }
}
