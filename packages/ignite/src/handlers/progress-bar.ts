import { ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import { Events, type CallableEventWithFilter } from '../engine/events';
import type { MetricValue } from '../metrics/metric-value';

/** Where a progress bar writes: a TTY stream (redrawn in place) or any writable (plain lines). */
export interface ProgressStream {
  write(text: string): unknown;
  /** True for a terminal. */
  isTTY?: boolean;
  /** The terminal width. */
  columns?: number;
}

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** Keep each epoch's finished bar on screen (a TTY); otherwise it is cleared. @default false */
  persist?: boolean;
  /** Where to write. @default process.stderr (console.log lines where there is no process) */
  stream?: ProgressStream;
  /** Draw in place even if the stream says it is not a TTY (or never, with false). @default stream.isTTY */
  tty?: boolean;
  /** Seconds between redraws on a TTY. @default 0.1 */
  minInterval?: number;
  /** Seconds between plain progress lines when not on a TTY (lines are also written at each epoch's end). @default 10 */
  lineInterval?: number;
  /** Text before the counters. @default 'Epoch [e/n]' (or 'Iteration' for one-epoch runs) */
  desc?: string;
}

/** What {@link ProgressBar.attach} shows and when. */
export interface ProgressBarAttachOptions {
  /** Metrics from `state.metrics` to show; 'all' shows every one. @default none */
  metricNames?: string[] | 'all';
  /** Picks values from `state.output`: a number is shown as `output`, an object by its keys. @default none */
  outputTransform?: (output: unknown) => number | Record<string, number>;
  /** When the bar advances. @default Events.ITERATION_COMPLETED */
  eventName?: CallableEventWithFilter;
  /** When the bar finishes and restarts. @default Events.EPOCH_COMPLETED */
  closingEventName?: CallableEventWithFilter;
  /** `state` fields to show. @default none */
  stateAttributes?: string[];
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

function formatValue(v: MetricValue | unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toFixed(4) : v.toExponential(3);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  return String(v);
}

const BLOCKS = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/**
 * A progress bar for an engine (ignite's tqdm `ProgressBar`): on a terminal, a bar redrawn in
 * place with the iteration count, percentage, chosen values (loss, metrics) and elapsed / ETA
 * times; elsewhere (logs, CI) plain lines at each epoch's end and every `lineInterval` seconds.
 *
 * @example
 * ```ts
 * const pbar = new ProgressBar({ persist: true });
 * pbar.attach(trainer, { outputTransform: (loss) => ({ loss: loss as number }) });
 * pbar.logMessage('validation accuracy: 0.97'); // printed above the bar
 * ```
 */
export class ProgressBar {
  readonly persist: boolean;
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly minInterval: number;
  private readonly lineInterval: number;
  private readonly desc: string | undefined;
  private open = false;
  private epochStart = 0;
  private lastDraw = 0;
  private lastLine = 0;
  private lastText = '';

  constructor(options: ProgressBarOptions = {}) {
    const proc = (globalThis as { process?: { stderr?: ProgressStream } }).process;
    this.stream = options.stream ?? proc?.stderr ?? { write: (t: string) => console.log(t.replace(/\n$/, '')), isTTY: false };
    if (typeof this.stream.write !== 'function') throw new ValueError('ProgressBar: stream should have a write(text) method');
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.persist = options.persist ?? false;
    this.minInterval = (options.minInterval ?? 0.1) * 1000;
    this.lineInterval = (options.lineInterval ?? 10) * 1000;
    this.desc = options.desc;
  }

  /**
   * Shows the engine's progress: advances on `eventName`, finishes on `closingEventName`.
   *
   * @example
   * ```ts
   * new ProgressBar().attach(trainer, { metricNames: ['loss'] });
   * ```
   */
  attach(engine: Engine, options: ProgressBarAttachOptions = {}): void {
    const { metricNames, outputTransform, stateAttributes } = options;
    if (metricNames !== undefined && metricNames !== 'all' && !(Array.isArray(metricNames) && metricNames.every((n) => typeof n === 'string'))) {
      throw new ValueError(`ProgressBar.attach: metricNames should be a list of names or 'all', got ${JSON.stringify(metricNames)}`);
    }
    if (outputTransform !== undefined && typeof outputTransform !== 'function') throw new ValueError('ProgressBar.attach: outputTransform should be a function');
    const event = options.eventName ?? Events.ITERATION_COMPLETED;
    const closing = options.closingEventName ?? Events.EPOCH_COMPLETED;
    const values = (e: Engine): string => {
      const parts: string[] = [];
      const m = e.state.metrics;
      const names = metricNames === 'all' ? Object.keys(m) : (metricNames ?? []);
      for (const n of names) if (n in m) parts.push(`${n}=${formatValue(m[n])}`);
      if (outputTransform && e.state.output !== undefined) {
        const out = outputTransform(e.state.output);
        if (typeof out === 'number') parts.push(`output=${formatValue(out)}`);
        else if (out !== null && typeof out === 'object') for (const [k, v] of Object.entries(out)) parts.push(`${k}=${formatValue(v)}`);
      }
      for (const a of stateAttributes ?? []) parts.push(`${a}=${formatValue(e.state[a])}`);
      return parts.join(', ');
    };
    engine.addEventHandler(Events.EPOCH_STARTED, () => this.start());
    engine.addEventHandler(event, (e: Engine) => this.advance(e, values(e), false));
    engine.addEventHandler(closing, (e: Engine) => this.close(e, values(e)));
    engine.addEventHandler(Events.COMPLETED, (e: Engine) => {
      if (this.open) this.close(e, values(e));
    });
  }

  /**
   * Prints a message above the bar (ignite's `log_message`, tqdm's `write`).
   *
   * @example
   * ```ts
   * evaluator.on(Events.COMPLETED, (e) => pbar.logMessage(`accuracy ${e.state.metrics.accuracy}`));
   * ```
   */
  logMessage(message: string): void {
    if (this.tty && this.open) {
      this.stream.write(`\r\x1b[K${message}\n${this.lastText}`);
    } else {
      this.stream.write(`${message}\n`);
    }
  }

  private start(): void {
    this.epochStart = performance.now();
    this.lastDraw = 0;
    this.lastLine = this.epochStart;
    this.open = true;
  }

  private line(engine: Engine, values: string): string {
    const s = engine.state;
    const total = s.epochLength;
    const n = total !== undefined ? s.iteration - (s.epoch - 1) * total : s.iteration;
    const desc = this.desc ?? ((s.maxEpochs ?? 1) > 1 ? `Epoch [${s.epoch}/${s.maxEpochs}]` : 'Iteration');
    const elapsed = (performance.now() - this.epochStart) / 1000;
    const rate = elapsed > 0 ? n / elapsed : 0;
    const tail = `${values ? `, ${values}` : ''} [${clock(elapsed)}<${total !== undefined && rate > 0 ? clock((total - n) / rate) : '?'}${rate > 0 ? `, ${rate >= 1 ? `${rate.toFixed(2)}it/s` : `${(1 / rate).toFixed(2)}s/it`}` : ''}]`;
    if (total === undefined) return `${desc}: [${n}]${tail}`;
    const frac = Math.min(Math.max(n / total, 0), 1);
    const head = `${desc}: [${n}/${total}] ${String(Math.floor(frac * 100)).padStart(3)}%`;
    if (!this.tty) return `${head}${tail}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 100) - head.length - tail.length - 3));
    const eighths = Math.floor(frac * width * 8);
    const full = Math.floor(eighths / 8);
    const bar = '█'.repeat(full) + (full < width ? BLOCKS[eighths % 8] + ' '.repeat(width - full - 1) : '');
    return `${head}|${bar}|${tail}`;
  }

  private advance(engine: Engine, values: string, force: boolean): void {
    if (!this.open) this.start();
    const now = performance.now();
    if (this.tty) {
      if (!force && now - this.lastDraw < this.minInterval) return;
      this.lastDraw = now;
      this.lastText = this.line(engine, values);
      this.stream.write(`\r\x1b[K${this.lastText}`);
    } else if (force || now - this.lastLine >= this.lineInterval) {
      this.lastLine = now;
      this.stream.write(`${this.line(engine, values)}\n`);
    }
  }

  private close(engine: Engine, values: string): void {
    if (!this.open) return;
    this.advance(engine, values, true);
    if (this.tty) this.stream.write(this.persist ? '\n' : '\r\x1b[K');
    this.open = false;
    this.lastText = '';
  }
}
