import { getBackend, setDataLoaderRecorder, setOpRecorder, ValueError } from '@dl/core';
import { tf } from '@dl/core/internal';
import { ProfilerError } from '../errors/profiler-error';
import { EventList, type EventListContext, type KeyAveragesOptions } from '../events/event-list';
import { eventsFromRecording } from '../events/from-recording';
import type { FunctionEvent } from '../events/function-event';
import type { FunctionEventAvg } from '../events/function-event-avg';
import type { TableOptions } from '../format/build-table';
import { KernelHooks } from '../record/kernel-hooks';
import { loaderRecorderFor } from '../record/loader-recorder';
import { opRecorderFor } from '../record/op-recorder';
import { Recording } from '../record/recording';
import { captureUserStack } from '../record/stack';
import type { ChromeTrace } from '../trace/chrome-trace';
import { integrations } from './integrations';
import type { ProfilerOptions } from './profiler-options';
import { activeSession, extraCores } from './session';

const FLAGS = ['enabled', 'recordShapes', 'profileMemory', 'withStack', 'withFlops', 'withKernels'] as const;

function checkOptions(options: ProfilerOptions): Required<ProfilerOptions> {
  if (options === null || typeof options !== 'object') throw new ValueError(`Profiler: options should be an object, got ${String(options)}`);
  for (const k of FLAGS) {
    const v = options[k];
    if (v !== undefined && typeof v !== 'boolean') throw new ValueError(`Profiler: option ${k} should be a boolean, got ${typeof v} ${String(v)}`);
  }
  return {
    enabled: options.enabled ?? true,
    recordShapes: options.recordShapes ?? false,
    profileMemory: options.profileMemory ?? false,
    withStack: options.withStack ?? false,
    withFlops: options.withFlops ?? false,
    withKernels: options.withKernels ?? true,
  };
}

function backendName(): string {
  try {
    return getBackend();
  } catch {
    return 'none';
  }
}

/**
 * Records every @dl/core op (forward, and backward nodes such as `MatMulBackward`), the tfjs
 * kernel under each (`tfjs::BatchMatMul`), user ranges from `recordFunction`, DataLoader waits
 * and, with `@dl/profiler/ignite` loaded, ignite engine events and handlers (PyTorch's
 * `torch.autograd.profiler.profile`). Use `start()`/`stop()`, or `profile(options, fn)`; once
 * stopped, read the results. One profiler runs at a time; when none runs, nothing is hooked.
 *
 * @example
 * ```ts
 * const prof = new Profiler({ recordShapes: true });
 * prof.start();
 * trainStep();
 * prof.stop();
 * console.log(prof.keyAverages().table({ sortBy: 'cpu_time_total', rowLimit: 10 }));
 * prof.exportChromeTrace('trace.json');
 * ```
 */
export class Profiler {
  /** The options in effect (defaults filled in). */
  readonly options: Readonly<Required<ProfilerOptions>>;
  private state: 'new' | 'running' | 'stopped' = 'new';
  private rec: Recording | null = null;
  private kernels: KernelHooks | null = null;
  private installed: { uninstall(): void }[] = [];
  private list: EventList<FunctionEvent> | null = null;
  private backend = 'none';
  /** @internal How errors name this profiler to others that try to start while it runs. */
  _owner = 'another profiler';

  constructor(options: ProfilerOptions = {}) {
    this.options = checkOptions(options);
  }

  /** Whether the profiler is recording now. */
  get running(): boolean {
    return this.state === 'running';
  }

  /**
   * Starts recording (PyTorch's `__enter__` / `start()`).
   *
   * @example
   * ```ts
   * const prof = new Profiler().start();
   * ```
   */
  start(): this {
    if (this.state !== 'new') throw new ProfilerError(`Profiler.start: this profiler has already ${this.state === 'running' ? 'started' : 'run'}; a profiler records once (make a new one)`);
    this.backend = backendName();
    if (!this.options.enabled) {
      this.state = 'running';
      return this;
    }
    if (activeSession.rec !== null) throw new ProfilerError(`Profiler.start: ${activeSession.owner} is already running; stop it first (profilers do not nest)`);
    this.state = 'running';
    const o = this.options;
    const rec = new Recording({ recordShapes: o.recordShapes, profileMemory: o.profileMemory, withStack: o.withStack, withFlops: o.withFlops });
    if (o.profileMemory) {
      const engine = tf.engine();
      rec.memoryProbe = () => engine.state.numBytes;
    }
    if (o.withStack) rec.stackProbe = captureUserStack;
    this.rec = rec;
    activeSession.rec = rec;
    activeSession.owner = this._owner;
    try {
      const ops = opRecorderFor(rec);
      const loader = loaderRecorderFor(rec);
      for (const core of [{ setOpRecorder, setDataLoaderRecorder }, ...extraCores]) {
        core.setOpRecorder(ops);
        core.setDataLoaderRecorder(loader);
      }
      if (o.withKernels) {
        this.kernels = new KernelHooks();
        this.kernels.install(rec);
      }
      for (const integration of integrations) {
        integration.install(rec);
        this.installed.push(integration);
      }
    } catch (e) {
      // Leave nothing hooked when a hook cannot be installed.
      this.stop();
      throw e;
    }
    return this;
  }

  /**
   * Stops recording and unhooks everything; ranges still open end now.
   *
   * @example
   * ```ts
   * prof.stop();
   * console.log(prof.toString());
   * ```
   */
  stop(): this {
    if (this.state !== 'running') throw new ProfilerError(`Profiler.stop: the profiler is not running (${this.state === 'new' ? 'call start() first' : 'it has already stopped'})`);
    this.state = 'stopped';
    if (this.rec === null) return this;
    const now = performance.now();
    for (const core of [{ setOpRecorder, setDataLoaderRecorder }, ...extraCores]) {
      core.setOpRecorder(null);
      core.setDataLoaderRecorder(null);
    }
    this.kernels?.uninstall();
    this.kernels = null;
    for (const i of this.installed) i.uninstall();
    this.installed = [];
    if (activeSession.rec === this.rec) activeSession.rec = null;
    this.rec.closeOpen(now);
    return this;
  }

  /**
   * @internal The events so far while still recording (ranges still open end now). dl-bottleneck
   * uses it when the script dies of an uncaught error, which may skip the process 'exit' event.
   */
  _snapshot(): EventList<FunctionEvent> {
    if (this.state !== 'running') return this.events();
    if (this.rec === null) return new EventList([], this.listContext(1));
    const { events, trackCount } = eventsFromRecording(this.rec, performance.now());
    return new EventList(events, this.listContext(trackCount));
  }

  private listContext(trackCount: number): EventListContext {
    const o = this.options;
    return {
      profileMemory: o.profileMemory,
      withFlops: o.withFlops,
      recordShapes: o.recordShapes,
      withStack: o.withStack,
      trace: { epochMs: this.rec?.epochMs ?? Date.now(), backend: this.backend, trackCount },
    };
  }

  /**
   * Every recorded event in recording order (PyTorch's `prof.events()` / `function_events`).
   *
   * @example
   * ```ts
   * const backward = prof.events().filter((e) => e.phase === 'backward');
   * ```
   */
  events(): EventList<FunctionEvent> {
    if (this.state !== 'stopped') throw new ProfilerError(`Profiler: ${this.state === 'new' ? 'the profiler has not run yet' : 'the profiler is still running: call stop() first'}`);
    if (this.list === null) {
      const { events, trackCount } = this.rec ? eventsFromRecording(this.rec) : { events: [], trackCount: 1 };
      this.list = new EventList(events, this.listContext(trackCount));
      this.rec = null;
    }
    return this.list;
  }

  /**
   * Events summed per name (see {@link EventList.keyAverages}).
   *
   * @example
   * ```ts
   * console.log(prof.keyAverages({ groupByInputShape: true }).table({ sortBy: 'cpu_time_total', rowLimit: 10 }));
   * ```
   */
  keyAverages(options: KeyAveragesOptions = {}): EventList<FunctionEventAvg> {
    return this.events().keyAverages(options);
  }

  /**
   * The table of every event (not summed; see {@link TableOptions}).
   *
   * @example
   * ```ts
   * console.log(prof.table({ sortBy: 'self_cpu_time_total', rowLimit: 20 }));
   * ```
   */
  table(options: TableOptions = {}): string {
    return this.events().table(options);
  }

  /** What `print(prof)` shows in PyTorch: the table of events, in recording order. */
  toString(): string {
    return this.events().table();
  }

  /** Microseconds of self time over all events ("Self CPU time total"). */
  get selfCpuTimeTotal(): number {
    return this.events().selfCpuTimeTotal;
  }

  /** One average over all events (see {@link EventList.totalAverage}). */
  totalAverage(): FunctionEventAvg {
    return this.events().totalAverage();
  }

  /** The Chrome trace as an object (see {@link EventList.chromeTrace}). */
  chromeTrace(): ChromeTrace {
    return this.events().chromeTrace();
  }

  /**
   * Writes the Chrome trace file (see {@link EventList.exportChromeTrace}).
   *
   * @example
   * ```ts
   * prof.exportChromeTrace('trace.json'); // open in https://ui.perfetto.dev
   * ```
   */
  exportChromeTrace(path: string): void {
    this.events().exportChromeTrace(path);
  }

  /** Writes collapsed stacks for flame graphs (see {@link EventList.exportStacks}). */
  exportStacks(path: string, metric: 'self_cpu_time_total' | 'selfCpuTimeTotal' = 'self_cpu_time_total'): void {
    this.events().exportStacks(path, metric);
  }
}
