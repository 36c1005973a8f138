import { ValueError } from '@dl/core';
import { Engine } from '@dl/ignite';
import { ProfilerError } from '../errors/profiler-error';
import { writeChunks } from '../trace/node-fs';
import { addEngineListener, type EngineEventListener } from './engine-dispatch';
import { handlerName } from './handler-name';
import { timeStats } from './time-stats';

/**
 * Stats of one handler (or of processing / dataflow) in seconds, rounded to 5 decimals as
 * ignite does; `'not triggered'` and nulls when it never ran, `std` null with one run.
 */
export interface HandlerTimeStats {
  handler: string;
  event: string;
  total: number | 'not triggered';
  minIndex: [number, number] | null;
  maxIndex: [number, number] | null;
  mean: number | null;
  std: number | null;
}

/** What {@link HandlersTimeProfiler.getResults} returns (ignite's rows, as fields). */
export interface HandlersTimeProfilerResults {
  /** One entry per (event, handler), in the order they first ran. */
  handlers: HandlerTimeStats[];
  /** Seconds in all handlers. */
  total: number;
  processing: HandlerTimeStats;
  dataflow: HandlerTimeStats;
}

/** ignite ignores filtered handlers' calls shorter than this (seconds): those skipped their work. */
const EVENT_FILTER_THRESHOLD_TIME = 0.0001;

const r5 = (v: number): number => Math.round(v * 1e5) / 1e5;

function handlerStats(handler: string, event: string, series: readonly number[]): HandlerTimeStats {
  const s = timeStats(series);
  if (s === null) return { handler, event, total: 'not triggered', minIndex: null, maxIndex: null, mean: null, std: null };
  return { handler, event, total: r5(s.total), minIndex: [r5(s.min[0]), s.min[1]], maxIndex: [r5(s.max[0]), s.max[1]], mean: r5(s.mean), std: s.std === null ? null : r5(s.std) };
}

/**
 * Times every handler of an Engine separately, custom events included, plus the process function
 * and data loading (pytorch-ignite's `HandlersTimeProfiler`). It reads ignite's event hook and
 * adds no handlers. Calls of handlers registered with an event filter that take under 0.1 ms
 * are skipped, as in ignite (the filter said no).
 *
 * @example
 * ```ts
 * const profiler = new HandlersTimeProfiler();
 * profiler.attach(trainer);
 * await trainer.run(loader, { maxEpochs: 3 });
 * HandlersTimeProfiler.printResults(profiler.getResults());
 * ```
 */
export class HandlersTimeProfiler {
  private engine: Engine | null = null;
  private processing: number[] = [];
  private dataflow: number[] = [];
  /** Per event, per handler name: durations in seconds. */
  private times = new Map<string, Map<string, number[]>>();
  private iterationStartedEnd: number | null = null;
  private batchStartedEnd: number | null = null;

  /**
   * Starts profiling `engine` (from its next run on).
   *
   * @example
   * ```ts
   * new HandlersTimeProfiler().attach(trainer);
   * ```
   */
  attach(engine: Engine): void {
    if (!(engine instanceof Engine)) throw new ValueError(`HandlersTimeProfiler.attach: engine should be an @dl/ignite Engine, got ${engine === null ? 'null' : typeof engine}`);
    if (this.engine === engine) return;
    if (this.engine !== null) throw new ProfilerError('HandlersTimeProfiler.attach: this profiler is already attached to another engine; use one profiler per engine');
    this.engine = engine;
    addEngineListener(this.listener());
  }

  private listener(): EngineEventListener {
    return {
      beginEvent: (engine, event) => {
        if (engine !== this.engine) return null;
        const now = performance.now();
        if (event === 'STARTED') {
          this.processing = [];
          this.dataflow = [];
          this.times = new Map();
        }
        if (event === 'ITERATION_COMPLETED' && this.iterationStartedEnd !== null) {
          this.processing.push((now - this.iterationStartedEnd) / 1000);
          this.iterationStartedEnd = null;
        }
        if (event === 'GET_BATCH_COMPLETED' && this.batchStartedEnd !== null) {
          this.dataflow.push((now - this.batchStartedEnd) / 1000);
          this.batchStartedEnd = null;
        }
        if (event !== 'ITERATION_STARTED' && event !== 'GET_BATCH_STARTED') return null;
        return event;
      },
      endEvent: (token) => {
        // Only the events that open a gap hand a token here; others end nothing.
        if (token === 'ITERATION_STARTED') this.iterationStartedEnd = performance.now();
        else if (token === 'GET_BATCH_STARTED') this.batchStartedEnd = performance.now();
      },
      beginHandler: (engine, event, handler, filtered) => {
        if (engine !== this.engine) return null;
        return { event, name: handlerName(handler), filtered, t0: performance.now() };
      },
      endHandler: (token) => {
        if (token === null) return;
        const { event, name, filtered, t0 } = token as { event: string; name: string; filtered: boolean; t0: number };
        const t = (performance.now() - t0) / 1000;
        if (filtered && t < EVENT_FILTER_THRESHOLD_TIME) return;
        let byName = this.times.get(event);
        if (byName === undefined) {
          byName = new Map();
          this.times.set(event, byName);
        }
        let list = byName.get(name);
        if (list === undefined) {
          list = [];
          byName.set(name, list);
        }
        list.push(t);
      },
    };
  }

  /**
   * The aggregated results of the runs so far (ignite's `get_results`).
   *
   * @example
   * ```ts
   * for (const h of profiler.getResults().handlers) console.log(h.handler, h.event, h.total);
   * ```
   */
  getResults(): HandlersTimeProfilerResults {
    const handlers: HandlerTimeStats[] = [];
    let total = 0;
    for (const [event, byName] of this.times) {
      for (const [name, series] of byName) {
        handlers.push(handlerStats(name, event, series));
        for (const t of series) total += t;
      }
    }
    return { handlers, total: r5(total), processing: handlerStats('Processing', 'None', this.processing), dataflow: handlerStats('Dataflow', 'None', this.dataflow) };
  }

  /**
   * Formats results as ignite's table (Handler, Event Name, Total(s), Min(s)/IDX, Max(s)/IDX,
   * Mean(s), Std(s), then the processing and dataflow lines), prints it and returns the text.
   *
   * @example
   * ```ts
   * HandlersTimeProfiler.printResults(profiler.getResults());
   * ```
   */
  static printResults(results: HandlersTimeProfilerResults): string {
    const rows = results.handlers;
    const handlerWidth = Math.max('Total'.length, 'Handler'.length, ...rows.map((r) => r.handler.length)) + 4;
    const eventWidth = Math.max('Event Name'.length, ...rows.map((r) => r.event.length)) + 4;
    const W = 14;
    const widths = [handlerWidth, eventWidth, W, W, W, W, W];
    const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '  ';
    const sep = widths.map((w) => '-'.repeat(w)).join('  ') + '  ';
    const idx = (p: [number, number] | null): string => (p === null ? 'None/None' : `${p[0]}/${p[1]}`);
    const none = (v: number | null): string => (v === null ? 'None' : String(v));
    const out = ['', sep, line(['Handler', 'Event Name', 'Total(s)', 'Min(s)/IDX', 'Max(s)/IDX', 'Mean(s)', 'Std(s)']), sep];
    for (const r of rows) out.push(line([r.handler, r.event, String(r.total), idx(r.minIndex), idx(r.maxIndex), none(r.mean), none(r.std)]));
    out.push(sep, line(['Total', '', String(results.total), '', '', '', '']), sep);
    for (const r of [results.processing, results.dataflow]) {
      const m = (p: [number, number] | null): string => (p === null ? 'Nones/None' : `${p[0]}s/${p[1]}`);
      out.push(`${r.handler} took total ${r.total}s [min/index: ${m(r.minIndex)}, max/index: ${m(r.maxIndex)}, mean: ${none(r.mean)}s, std: ${none(r.std)}s]`);
    }
    const text = out.join('\n') + '\n';
    console.log(text);
    return text;
  }

  /**
   * Writes the unaggregated times as CSV (ignite's `write_results`): `#`, processing_stats,
   * dataflow_stats and one `handler (EVENT)` column per handler, padded with zeros. Seconds.
   *
   * @example
   * ```ts
   * profiler.writeResults('handlers_profiling.csv');
   * ```
   */
  writeResults(outputPath: string): void {
    const headers = ['#', 'processing_stats', 'dataflow_stats'];
    const cols: number[][] = [this.processing, this.dataflow];
    for (const [event, byName] of this.times) {
      for (const [name, series] of byName) {
        headers.push(`${name} (${event})`);
        cols.push(series);
      }
    }
    const n = Math.max(0, ...cols.map((c) => c.length));
    if (n === 0) throw new ProfilerError('HandlersTimeProfiler.writeResults: nothing recorded yet: run the engine first');
    const quote = (h: string): string => (/[",\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h);
    const rows = [headers.map(quote).join(',') + '\n'];
    for (let i = 0; i < n; i++) rows.push([String(i + 1), ...cols.map((c) => String(c[i] ?? 0))].join(',') + '\n');
    writeChunks('HandlersTimeProfiler.writeResults', outputPath, rows);
  }
}
