import { ValueError } from '@dl/core';
import { ProfilerError } from '../errors/profiler-error';
import { buildTable, type TableOptions } from '../format/build-table';
import { buildChromeTrace, chromeTraceChunks, type ChromeTrace, type TraceInfo } from '../trace/chrome-trace';
import { writeChunks } from '../trace/node-fs';
import { FunctionEvent } from './function-event';
import { FunctionEventAvg } from './function-event-avg';

/** Options of `keyAverages()` (PyTorch's `key_averages`). */
export interface KeyAveragesOptions {
  /** Group by (name, input shapes) instead of name; needs `recordShapes`. @default false */
  groupByInputShape?: boolean;
  /** PyTorch 2's spelling of `groupByInputShape`. @default false */
  groupByInputShapes?: boolean;
  /** Also group by the first N frames of the user's stack; needs `withStack`. @default 0 */
  groupByStackN?: number;
}

/** @internal What an event list knows about the recording it came from. */
export interface EventListContext {
  profileMemory: boolean;
  withFlops: boolean;
  recordShapes: boolean;
  withStack: boolean;
  trace: TraceInfo;
}

/**
 * A list of events or averages with PyTorch's reporting methods (`EventList`): `table()`,
 * `keyAverages()`, `totalAverage()`, `exportChromeTrace()`, `exportStacks()`. It is an array:
 * index, iterate, `filter` and `map` it (those return plain arrays).
 *
 * @example
 * ```ts
 * console.log(prof.keyAverages().table({ sortBy: 'self_cpu_time_total', rowLimit: 10 }));
 * ```
 */
export class EventList<T extends FunctionEvent | FunctionEventAvg = FunctionEvent> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** @internal */
  declare readonly context: EventListContext;

  constructor(items: Iterable<T>, context: EventListContext) {
    super();
    for (const it of items) this.push(it);
    Object.defineProperty(this, 'context', { value: context, enumerable: false });
  }

  /** Microseconds of self time summed over the list (PyTorch's "Self CPU time total"). */
  get selfCpuTimeTotal(): number {
    let t = 0;
    for (const e of this) t += e.selfCpuTimeTotal;
    return t;
  }

  /**
   * The list as PyTorch's profiler table (see {@link TableOptions}).
   *
   * @example
   * ```ts
   * console.log(prof.keyAverages().table({ sortBy: 'cpu_time_total', rowLimit: 10 }));
   * ```
   */
  table(options: TableOptions = {}): string {
    return buildTable(this, options, this.context);
  }

  /** The table with default options (what `console.log(String(list))` prints). */
  override toString(): string {
    return this.table();
  }

  /**
   * Sums the events per name (and input shapes, and stack frames, when asked): one
   * {@link FunctionEventAvg} per key, in order of first appearance.
   *
   * @example
   * ```ts
   * prof.keyAverages({ groupByInputShape: true }).table({ sortBy: 'cpu_time_total' });
   * ```
   */
  keyAverages(options: KeyAveragesOptions = {}): EventList<FunctionEventAvg> {
    const byShape = options.groupByInputShape ?? options.groupByInputShapes ?? false;
    const stackN = options.groupByStackN ?? 0;
    if (!Number.isInteger(stackN) || stackN < 0) throw new ValueError(`keyAverages: groupByStackN should be an integer >= 0, got ${String(stackN)}`);
    if (byShape && !this.context.recordShapes) throw new ProfilerError('keyAverages: groupByInputShape needs shapes: profile with { recordShapes: true }');
    if (stackN > 0 && !this.context.withStack) throw new ProfilerError('keyAverages: groupByStackN needs stacks: profile with { withStack: true }');
    const groups = new Map<string, FunctionEventAvg>();
    for (const e of this) {
      let key = `${e.category}\u0000${e.key}`;
      if (byShape) key += `\u0000${JSON.stringify(e.inputShapes)}`;
      if (stackN > 0) key += `\u0000${(e.stack ?? []).slice(0, stackN).join('\u0001')}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = new FunctionEventAvg();
        groups.set(key, g);
      }
      g.add(e);
    }
    for (const g of groups.values()) {
      if (!byShape) g.inputShapes = null;
      g.stack = stackN > 0 && g.stack !== null ? g.stack.slice(0, stackN) : null;
    }
    return new EventList(groups.values(), this.context);
  }

  /**
   * One average over the whole list, keyed `Total`.
   *
   * @example
   * ```ts
   * prof.events().totalAverage().cpuTimeTotal;
   * ```
   */
  totalAverage(): FunctionEventAvg {
    const total = new FunctionEventAvg();
    for (const e of this) total.add(e);
    total.key = 'Total';
    total.inputShapes = null;
    total.stack = null;
    total.parent = null;
    return total;
  }

  /**
   * The events as a Chrome trace object (complete `X` events in microseconds); only lists of
   * events (not averages) have one.
   *
   * @example
   * ```ts
   * const trace = prof.events().chromeTrace();
   * ```
   */
  chromeTrace(): ChromeTrace {
    return buildChromeTrace(this.rawEvents('chromeTrace'), this.context.trace);
  }

  /**
   * Writes the events as a Chrome Trace Event Format file that chrome://tracing and
   * https://ui.perfetto.dev open (Node only).
   *
   * @example
   * ```ts
   * prof.events().exportChromeTrace('trace.json');
   * ```
   */
  exportChromeTrace(path: string): void {
    writeChunks('exportChromeTrace', path, chromeTraceChunks(this.rawEvents('exportChromeTrace'), this.context.trace));
  }

  /**
   * Writes the stacks recorded with `withStack` in the collapsed format flame graph tools read
   * (`frame;frame;op value` per line, outermost frame first, value in microseconds).
   *
   * @param metric `'self_cpu_time_total'` (the only metric without device times). @default 'self_cpu_time_total'
   * @example
   * ```ts
   * prof.exportStacks('stacks.txt'); // flamegraph.pl stacks.txt > flame.svg
   * ```
   */
  exportStacks(path: string, metric: 'self_cpu_time_total' | 'selfCpuTimeTotal' = 'self_cpu_time_total'): void {
    if (metric !== 'self_cpu_time_total' && metric !== 'selfCpuTimeTotal') throw new ProfilerError(`exportStacks: metric should be 'self_cpu_time_total', got '${String(metric)}'`);
    if (!this.context.withStack) throw new ProfilerError('exportStacks: no stacks were recorded: profile with { withStack: true }');
    const clean = (s: string): string => s.replace(/[ ;\t\n]/g, '_');
    const lines: string[] = [];
    for (const e of this) {
      const v = Math.trunc(e.selfCpuTimeTotal);
      if (e.stack === null || e.stack.length === 0 || v <= 0) continue;
      lines.push([...e.stack].reverse().map(clean).join(';') + ';' + clean(e.key) + ' ' + v + '\n');
    }
    writeChunks('exportStacks', path, lines);
  }

  private rawEvents(op: string): FunctionEvent[] {
    const out: FunctionEvent[] = [];
    for (const e of this) {
      if (!(e instanceof FunctionEvent)) throw new ProfilerError(`${op}: a trace is made from events, not averages: call it on prof.events() (or the profiler itself)`);
      out.push(e);
    }
    return out;
  }
}
