import { ValueError } from '@dl/core';
import { Engine } from '@dl/ignite';
import { ProfilerError } from '../errors/profiler-error';
import { writeChunks } from '../trace/node-fs';
import { addEngineListener, type EngineEventListener } from './engine-dispatch';
import { handlerName } from './handler-name';
import { pyList, sec, timeStats } from './time-stats';

/** The events whose handlers `BasicTimeProfiler` times, in the order it reports them. */
export const BASIC_PROFILED_EVENTS = ['STARTED', 'EPOCH_STARTED', 'ITERATION_STARTED', 'ITERATION_COMPLETED', 'GET_BATCH_STARTED', 'GET_BATCH_COMPLETED', 'EPOCH_COMPLETED', 'COMPLETED'] as const;

/** One of {@link BASIC_PROFILED_EVENTS}. */
export type BasicProfiledEvent = (typeof BASIC_PROFILED_EVENTS)[number];

/**
 * Stats of one series in seconds (ignite's `_compute_basic_stats`): `total` ('not yet triggered'
 * when it never ran), and with more than one entry the min and max with their index (0-based
 * iteration, or epoch for epoch events), mean and sample std.
 */
export interface BasicStats {
  total: number | 'not yet triggered';
  minIndex?: [number, number];
  maxIndex?: [number, number];
  mean?: number;
  std?: number;
}

/** What {@link BasicTimeProfiler.getResults} returns (ignite's dict, in camelCase). */
export interface BasicTimeProfilerResults {
  /** The process function, per iteration. */
  processingStats: BasicStats;
  /** Waiting for the next batch, per iteration. */
  dataflowStats: BasicStats;
  /** All handlers of each event, per firing, and their total. */
  eventHandlersStats: Record<BasicProfiledEvent, BasicStats> & { totalTime: number };
  /** The handlers seen on each event, in order. */
  eventHandlersNames: Record<BasicProfiledEvent, string[]>;
}

function basicStats(series: readonly (number | undefined)[]): BasicStats {
  const s = timeStats(series);
  if (s === null) return { total: 'not yet triggered' };
  if (s.count === 1) return { total: s.total };
  return { total: s.total, minIndex: s.min, maxIndex: s.max, mean: s.mean, std: s.std ?? 0 };
}

function statsLine(s: BasicStats): string {
  if (typeof s.total === 'string') return s.total;
  const parts = [sec(s.total)];
  if (s.minIndex) parts.push(`${sec(s.minIndex[0])}/${s.minIndex[1]}`, `${sec(s.maxIndex![0])}/${s.maxIndex![1]}`, sec(s.mean!), sec(s.std!));
  return parts.join(' | ');
}

/** Which slot of its series an event fills. */
function slotOf(event: BasicProfiledEvent, state: { iteration: number; epoch: number }): number {
  switch (event) {
    case 'STARTED':
    case 'COMPLETED':
      return 0;
    case 'EPOCH_STARTED':
    case 'EPOCH_COMPLETED':
      return state.epoch - 1;
    case 'GET_BATCH_STARTED':
    case 'GET_BATCH_COMPLETED':
      // Fired before the engine counts the iteration: the slot of the iteration to come.
      return state.iteration;
    default:
      return state.iteration - 1;
  }
}

const PROFILED = new Set<string>(BASIC_PROFILED_EVENTS);

/**
 * Times an Engine's process function, its data loading and the handlers of each event
 * (pytorch-ignite's `BasicTimeProfiler`). It reads ignite's event hook, so it adds no handlers:
 * attach it once, before or after other handlers. Processing is the time from the end of
 * ITERATION_STARTED's handlers to the start of ITERATION_COMPLETED's; dataflow, from the end of
 * GET_BATCH_STARTED's to the start of GET_BATCH_COMPLETED's.
 *
 * @example
 * ```ts
 * const profiler = new BasicTimeProfiler();
 * profiler.attach(trainer);
 * trainer.on(Events.EPOCH_COMPLETED, () => BasicTimeProfiler.printResults(profiler.getResults()));
 * await trainer.run(loader, { maxEpochs: 3 });
 * profiler.writeResults('time_profiling.csv');
 * ```
 */
export class BasicTimeProfiler {
  private engine: Engine | null = null;
  private processing: (number | undefined)[] = [];
  private dataflow: (number | undefined)[] = [];
  private epochOf: (number | undefined)[] = [];
  private times = new Map<BasicProfiledEvent, (number | undefined)[]>();
  private names = new Map<BasicProfiledEvent, string[]>();
  private iterationStartedEnd: number | null = null;
  private batchStartedEnd: number | null = null;

  constructor() {
    this.reset();
  }

  /**
   * Starts profiling `engine` (from its next run on).
   *
   * @example
   * ```ts
   * new BasicTimeProfiler().attach(trainer);
   * ```
   */
  attach(engine: Engine): void {
    if (!(engine instanceof Engine)) throw new ValueError(`BasicTimeProfiler.attach: engine should be an @dl/ignite Engine, got ${engine === null ? 'null' : typeof engine}`);
    if (this.engine === engine) return;
    if (this.engine !== null) throw new ProfilerError('BasicTimeProfiler.attach: this profiler is already attached to another engine; use one profiler per engine');
    this.engine = engine;
    addEngineListener(this.listener());
  }

  private reset(): void {
    this.processing = [];
    this.dataflow = [];
    this.epochOf = [];
    this.times = new Map(BASIC_PROFILED_EVENTS.map((e) => [e, []]));
    this.names = new Map(BASIC_PROFILED_EVENTS.map((e) => [e, []]));
    this.iterationStartedEnd = null;
    this.batchStartedEnd = null;
  }

  private listener(): EngineEventListener {
    return {
      beginEvent: (engine, event) => {
        if (engine !== this.engine || !PROFILED.has(event)) return null;
        const now = performance.now();
        const e = event as BasicProfiledEvent;
        const state = (engine as Engine).state;
        if (e === 'STARTED') this.reset();
        if (e === 'ITERATION_COMPLETED' && this.iterationStartedEnd !== null) this.processing[state.iteration - 1] = (now - this.iterationStartedEnd) / 1000;
        if (e === 'GET_BATCH_COMPLETED' && this.batchStartedEnd !== null) this.dataflow[state.iteration] = (now - this.batchStartedEnd) / 1000;
        if (e === 'ITERATION_STARTED') this.epochOf[state.iteration - 1] = state.epoch;
        this.iterationStartedEnd = null;
        this.batchStartedEnd = null;
        return { e, slot: slotOf(e, state), t0: now };
      },
      endEvent: (token) => {
        if (token === null) return;
        const { e, slot, t0 } = token as { e: BasicProfiledEvent; slot: number; t0: number };
        const now = performance.now();
        // Zero means "never fired" in the stats; a firing with no handlers still took some time.
        this.times.get(e)![slot] = Math.max((now - t0) / 1000, Number.MIN_VALUE);
        if (e === 'ITERATION_STARTED') this.iterationStartedEnd = now;
        if (e === 'GET_BATCH_STARTED') this.batchStartedEnd = now;
      },
      beginHandler: (engine, event, handler) => {
        if (engine !== this.engine || !PROFILED.has(event)) return null;
        const list = this.names.get(event as BasicProfiledEvent)!;
        const name = handlerName(handler);
        if (!list.includes(name)) list.push(name);
        return null;
      },
      endHandler: () => undefined,
    };
  }

  /**
   * The aggregated results of the runs so far (ignite's `get_results`).
   *
   * @example
   * ```ts
   * const { processingStats } = profiler.getResults();
   * console.log(processingStats.mean);
   * ```
   */
  getResults(): BasicTimeProfilerResults {
    const eventHandlersStats = {} as Record<BasicProfiledEvent, BasicStats> & { totalTime: number };
    const eventHandlersNames = {} as Record<BasicProfiledEvent, string[]>;
    let totalTime = 0;
    for (const e of BASIC_PROFILED_EVENTS) {
      const series = this.times.get(e)!;
      eventHandlersStats[e] = basicStats(series);
      for (const v of series) if (v !== undefined) totalTime += v;
      eventHandlersNames[e] = [...this.names.get(e)!];
    }
    eventHandlersStats.totalTime = totalTime;
    return { processingStats: basicStats(this.processing), dataflowStats: basicStats(this.dataflow), eventHandlersStats, eventHandlersNames };
  }

  /**
   * Formats results as ignite's `print_results` does, prints them and returns the text.
   *
   * @example
   * ```ts
   * BasicTimeProfiler.printResults(profiler.getResults());
   * ```
   */
  static printResults(results: BasicTimeProfilerResults): string {
    const h = results.eventHandlersStats;
    const n = results.eventHandlersNames;
    const block = (e: BasicProfiledEvent): string => `- Events.${e}: ${pyList(n[e])}\n${statsLine(h[e])}\n`;
    const text = [
      '',
      ' ----------------------------------------------------',
      '| Time profiling stats (in seconds):                 |',
      ' ----------------------------------------------------',
      'total  |  min/index  |  max/index  |  mean  |  std',
      '',
      'Processing function:',
      statsLine(results.processingStats),
      '',
      'Dataflow:',
      statsLine(results.dataflowStats),
      '',
      'Event handlers:',
      sec(h.totalTime),
      '',
      ...(['STARTED', 'EPOCH_STARTED', 'ITERATION_STARTED', 'ITERATION_COMPLETED', 'EPOCH_COMPLETED', 'COMPLETED'] as const).map(block),
    ].join('\n');
    console.log(text);
    return text;
  }

  /**
   * Writes the unaggregated times as CSV, one row per iteration (ignite's `write_results`):
   * epoch, iteration, processing_stats, dataflow_stats and one `Event_X` column per event (per-run
   * and per-epoch values repeated on their rows). Seconds.
   *
   * @example
   * ```ts
   * profiler.writeResults('time_profiling.csv');
   * ```
   */
  writeResults(outputPath: string): void {
    const iters = Math.max(this.processing.length, this.epochOf.length, this.times.get('ITERATION_STARTED')!.length);
    if (iters === 0) throw new ProfilerError('BasicTimeProfiler.writeResults: nothing recorded yet: run the engine first');
    const v = (x: number | undefined): string => String(x ?? 0);
    const t = (e: BasicProfiledEvent, i: number): string => v(this.times.get(e)![i]);
    const header = 'epoch,iteration,processing_stats,dataflow_stats,Event_STARTED,Event_COMPLETED,Event_EPOCH_STARTED,Event_EPOCH_COMPLETED,Event_ITERATION_STARTED,Event_ITERATION_COMPLETED,Event_GET_BATCH_STARTED,Event_GET_BATCH_COMPLETED\n';
    const rows: string[] = [header];
    for (let i = 0; i < iters; i++) {
      const epoch = this.epochOf[i] ?? 0;
      const cells = [String(epoch), String(i + 1), v(this.processing[i]), v(this.dataflow[i]), t('STARTED', 0), t('COMPLETED', 0), t('EPOCH_STARTED', epoch - 1), t('EPOCH_COMPLETED', epoch - 1)];
      cells.push(t('ITERATION_STARTED', i), t('ITERATION_COMPLETED', i), t('GET_BATCH_STARTED', i), t('GET_BATCH_COMPLETED', i));
      rows.push(cells.join(',') + '\n');
    }
    writeChunks('BasicTimeProfiler.writeResults', outputPath, rows);
  }
}
