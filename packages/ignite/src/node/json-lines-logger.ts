import { ValueError } from '@dl/core';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BaseLogger } from '../loggers/base-logger';
import type { LogRecord } from '../loggers/log-record';

/** Options of {@link JsonLinesLogger}. */
export interface JsonLinesLoggerOptions {
  /** Add to an existing file instead of replacing it. @default false */
  append?: boolean;
}

/**
 * Writes each record as one JSON object per line (JSON Lines): `tag`, `event`, `step`, `epoch`,
 * `iteration`, `time` and the values by name. Every line is written whole, so a killed process
 * leaves a file of complete records.
 *
 * @example
 * ```ts
 * const log = new JsonLinesLogger('runs/log.jsonl');
 * log.attachOutputHandler(evaluator, { eventName: Events.COMPLETED, tag: 'validation', metricNames: 'all', globalStepTransform: globalStepFromEngine(trainer) });
 * ```
 */
export class JsonLinesLogger extends BaseLogger {
  /** The file written. */
  readonly path: string;
  private fd: number | null;

  constructor(path: string, options: JsonLinesLoggerOptions = {}) {
    super();
    if (typeof path !== 'string' || path.length === 0) throw new ValueError(`JsonLinesLogger: path should be a non-empty string, got ${String(path)}`);
    this.path = resolve(path);
    mkdirSync(dirname(this.path), { recursive: true });
    this.fd = openSync(this.path, options.append ? 'a' : 'w');
  }

  write(record: LogRecord): void {
    if (this.fd === null) throw new ValueError(`JsonLinesLogger: '${this.path}' is closed`);
    const { values, ...rest } = record;
    writeSync(this.fd, JSON.stringify({ ...rest, ...values }) + '\n');
  }

  override close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
