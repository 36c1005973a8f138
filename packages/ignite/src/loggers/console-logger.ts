import { BaseLogger } from './base-logger';
import type { LogRecord } from './log-record';

/** Options of {@link ConsoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Where lines go (a ProgressBar's `logMessage` keeps them above the bar). @default console.log */
  print?: (line: string) => void;
  /** Decimals of non-integer values. @default 4 */
  digits?: number;
}

function fmt(v: unknown, digits: number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  if (Array.isArray(v)) return `[${v.map((x) => fmt(x, digits)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${fmt(x, digits)}`).join(', ')}}`;
  return String(v);
}

/**
 * Prints records as readable lines: `[validation] epoch 3: accuracy=0.9700 loss=0.0812`.
 *
 * @example
 * ```ts
 * const logger = new ConsoleLogger({ print: (l) => pbar.logMessage(l) });
 * logger.attachOutputHandler(evaluator, { eventName: Events.COMPLETED, tag: 'validation', metricNames: 'all', globalStepTransform: globalStepFromEngine(trainer) });
 * ```
 */
export class ConsoleLogger extends BaseLogger {
  private readonly print: (line: string) => void;
  private readonly digits: number;

  constructor(options: ConsoleLoggerOptions = {}) {
    super();
    this.print = options.print ?? ((l) => console.log(l));
    this.digits = options.digits ?? 4;
  }

  write(record: LogRecord): void {
    const unit = record.event.startsWith('ITERATION') || record.event.startsWith('GET_BATCH') ? 'iteration' : 'epoch';
    const values = Object.entries(record.values)
      .map(([k, v]) => `${k}=${fmt(v, this.digits)}`)
      .join(' ');
    this.print(`[${record.tag}] ${unit} ${record.step}: ${values}`);
  }
}
