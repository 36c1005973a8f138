import type { FunctionEvent } from '../events/function-event';

/** One event of the Chrome Trace Event Format. */
export interface ChromeTraceEvent {
  name: string;
  /** `X`: a complete event (ts + dur); `M`: metadata (process and thread names). */
  ph: 'X' | 'M';
  cat?: string;
  /** Microseconds since profiling started. */
  ts?: number;
  /** Microseconds. */
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A trace chrome://tracing, Perfetto and speedscope open (the JSON object form). */
export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms' | 'ns';
  otherData: Record<string, string | number>;
}

/** @internal What a trace says about where it came from. */
export interface TraceInfo {
  epochMs: number;
  backend: string;
  trackCount: number;
}

/**
 * Times go out on a 1/16 µs grid: numbers on it are exact in binary, so `ts + dur` of a child
 * never lands a rounding error past its parent's end in a viewer (rounding is monotonic, so
 * nesting survives it).
 */
function grid(us: number): number {
  return Math.round(us * 16) / 16;
}

function pidOf(): number {
  const proc = (globalThis as { process?: { pid?: number } }).process;
  return proc?.pid ?? 1;
}

function toTraceEvent(e: FunctionEvent, pid: number): ChromeTraceEvent {
  const ts = grid(e.startUs);
  const args: Record<string, unknown> = {};
  if (e.phase !== null) args.phase = e.phase;
  if (e.inputShapes !== null) args['Input Dims'] = e.inputShapes;
  if (e.stack !== null) args['Call stack'] = e.stack.join(';');
  if (e.cpuMemoryUsage !== 0) args['Memory (bytes)'] = e.cpuMemoryUsage;
  if (e.flops > 0) args.FLOPs = e.flops;
  return { name: e.name, ph: 'X', cat: e.category, ts, dur: grid(e.endUs) - ts, pid, tid: e.thread, args };
}

/** @internal The metadata events naming the process and its tracks. */
function metadata(info: TraceInfo, pid: number): ChromeTraceEvent[] {
  const out: ChromeTraceEvent[] = [
    { name: 'process_name', ph: 'M', pid, tid: 0, args: { name: `@dl (tfjs ${info.backend})` } },
    { name: 'thread_name', ph: 'M', pid, tid: 0, args: { name: 'main thread' } },
  ];
  for (let t = 1; t < info.trackCount; t++) out.push({ name: 'thread_name', ph: 'M', pid, tid: t, args: { name: `async ranges ${t}` } });
  return out;
}

function otherData(info: TraceInfo): Record<string, string | number> {
  return { producer: '@dl/profiler', backend: info.backend, startTime: new Date(info.epochMs).toISOString() };
}

/** @internal The whole trace as an object. */
export function buildChromeTrace(events: readonly FunctionEvent[], info: TraceInfo): ChromeTrace {
  const pid = pidOf();
  const traceEvents = metadata(info, pid);
  for (const e of events) traceEvents.push(toTraceEvent(e, pid));
  return { traceEvents, displayTimeUnit: 'ms', otherData: otherData(info) };
}

/** @internal The same trace as JSON text in pieces, so a long profile never builds one giant string. */
export function* chromeTraceChunks(events: readonly FunctionEvent[], info: TraceInfo): Generator<string> {
  const pid = pidOf();
  yield '{"traceEvents":[\n';
  const head = metadata(info, pid);
  let first = true;
  let buf: string[] = [];
  const flush = function* (): Generator<string> {
    if (buf.length) yield buf.join('');
    buf = [];
  };
  for (const ev of head) {
    buf.push((first ? '' : ',\n') + JSON.stringify(ev));
    first = false;
  }
  for (const e of events) {
    buf.push(',\n' + JSON.stringify(toTraceEvent(e, pid)));
    if (buf.length >= 5000) yield* flush();
  }
  yield* flush();
  yield `\n],"displayTimeUnit":"ms","otherData":${JSON.stringify(otherData(info))}}\n`;
}
