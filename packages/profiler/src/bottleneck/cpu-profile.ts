/** A V8 CPU profile as `Profiler.stop` returns it (node:inspector). */
export interface V8CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One JavaScript function's share of the samples. */
export interface FunctionTime {
  /** The function name (`(anonymous)` when it has none; V8's `(program)`, `(garbage collector)`). */
  name: string;
  /** `file:line` (1-based), relative to the working directory when inside it; '' for V8's own. */
  location: string;
  /** Milliseconds sampled in the function itself. */
  selfMs: number;
  /** Milliseconds sampled in it or its callees. */
  totalMs: number;
}

/** What the samples add up to. */
export interface CpuSummary {
  /** Milliseconds sampled, idle excluded (the base of the percentages). */
  busyMs: number;
  /** Milliseconds the process sat idle (waiting for I/O or timers). */
  idleMs: number;
  /** Functions by self time, largest first. */
  functions: FunctionTime[];
}

const SKIP = new Set(['(root)', '(idle)']);

function location(url: string, line: number, cwd: string): string {
  if (!url) return '';
  let file = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm !== -1) file = file.slice(nm + '/node_modules/'.length);
  else if (cwd && file.startsWith(cwd + '/')) file = file.slice(cwd.length + 1);
  return `${file}:${line + 1}`;
}

/**
 * @internal Self and total time per JavaScript function from V8's samples: a sample lasts until
 * the next one (as Chrome DevTools counts), and a function on the stack twice counts once in
 * its total.
 */
export function summarizeCpuProfile(profile: V8CpuProfile, cwd = ''): CpuSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map<number, string>();
  const info = new Map<string, FunctionTime>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName}\u0000${f.url}\u0000${f.lineNumber}\u0000${f.columnNumber}`;
    keyOf.set(n.id, key);
    if (!info.has(key)) info.set(key, { name: f.functionName || '(anonymous)', location: location(f.url, f.lineNumber, cwd), selfMs: 0, totalMs: 0 });
  }
  let t = profile.startTime;
  const stamps = new Array<number>(samples.length);
  for (let i = 0; i < samples.length; i++) stamps[i] = t += deltas[i] ?? 0;
  let busy = 0;
  let idle = 0;
  for (let i = 0; i < samples.length; i++) {
    const dur = Math.max(0, ((i + 1 < samples.length ? stamps[i + 1] : profile.endTime) - stamps[i]) / 1000);
    const node = byId.get(samples[i]);
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') {
      idle += dur;
      continue;
    }
    busy += dur;
    info.get(keyOf.get(node.id)!)!.selfMs += dur;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf.get(id)!;
      if (seen.has(key)) continue;
      seen.add(key);
      info.get(key)!.totalMs += dur;
    }
  }
  const functions = [...info.values()].filter((f) => !SKIP.has(f.name) && f.selfMs > 0).sort((a, b) => b.selfMs - a.selfMs);
  return { busyMs: busy, idleMs: idle, functions };
}

/** @internal {@link summarizeCpuProfile} over several parts of one run, summed per function. */
export function summarizeCpuProfiles(parts: readonly V8CpuProfile[], cwd = ''): CpuSummary | null {
  if (parts.length === 0) return null;
  const merged = new Map<string, FunctionTime>();
  let busyMs = 0;
  let idleMs = 0;
  for (const part of parts) {
    const s = summarizeCpuProfile(part, cwd);
    busyMs += s.busyMs;
    idleMs += s.idleMs;
    for (const f of s.functions) {
      const key = `${f.name}\u0000${f.location}`;
      const m = merged.get(key);
      if (m === undefined) merged.set(key, { ...f });
      else {
        m.selfMs += f.selfMs;
        m.totalMs += f.totalMs;
      }
    }
  }
  return { busyMs, idleMs, functions: [...merged.values()].sort((a, b) => b.selfMs - a.selfMs) };
}
