import { EventList } from '../events/event-list';
import { FunctionEventAvg } from '../events/function-event-avg';
import type { SortKey } from '../format/sort-keys';
import type { AverageData, ChildResult } from './child-result';
import type { CpuSummary } from './cpu-profile';
import type { Environment } from './environment';

const RULE = '-'.repeat(80);

/** @internal A section title as torch.utils.bottleneck prints them. */
export function section(title: string): string {
  return `${RULE}\n  ${title}\n${RULE}`;
}

/** @internal The environment summary block. */
export function environmentText(env: Environment): string {
  const width = Math.max(...env.packages.map(([n]) => n.length));
  return [
    section('Environment Summary'),
    ...env.packages.map(([n, v]) => `${n.padEnd(width)}  ${v}`),
    `Node.js ${env.node} (V8 ${env.v8}) on ${env.os}`,
    `CPU: ${env.cpu}`,
    `Memory: ${env.memory}`,
    `tfjs backend: ${env.backend}`,
  ].join('\n');
}

/** @internal The op profile's averages as an event list, to print PyTorch's table. */
export function averagesList(averages: readonly AverageData[]): EventList<FunctionEventAvg> {
  const rows = averages.map((a) => Object.assign(new FunctionEventAvg(), a));
  return new EventList(rows, { profileMemory: false, withFlops: false, recordShapes: false, withStack: false, trace: { epochMs: 0, backend: '', trackCount: 1 } });
}

function ms(v: number): string {
  return v.toFixed(3);
}

/** @internal The top JavaScript functions by self time. */
export function cpuText(cpu: CpuSummary | null, top: number): string {
  const head = section(`V8 CPU profile: top ${top} JavaScript functions by self time`);
  if (cpu === null) return `${head}\n(no CPU profile was taken)`;
  if (cpu.functions.length === 0) return `${head}\n(no samples: the script ran too briefly)`;
  const rows = cpu.functions.slice(0, top);
  const pct = (v: number): string => (cpu.busyMs > 0 ? `${((100 * v) / cpu.busyMs).toFixed(2)}%` : 'NaN');
  const nameW = Math.min(Math.max(8, ...rows.map((r) => r.name.length)), 40);
  const lines = [
    `${cpu.busyMs.toFixed(1)} ms sampled (${cpu.idleMs.toFixed(1)} ms idle not counted)`,
    '',
    `${'Self ms'.padStart(10)}  ${'Self %'.padStart(7)}  ${'Total ms'.padStart(10)}  ${'Total %'.padStart(7)}  ${'Function'.padEnd(nameW)}  Location`,
  ];
  for (const r of rows) {
    const name = r.name.length > nameW ? r.name.slice(0, nameW - 3) + '...' : r.name;
    lines.push(`${ms(r.selfMs).padStart(10)}  ${pct(r.selfMs).padStart(7)}  ${ms(r.totalMs).padStart(10)}  ${pct(r.totalMs).padStart(7)}  ${name.padEnd(nameW)}  ${r.location}`);
  }
  return `${head}\n${lines.join('\n')}`;
}

/** @internal The op profiler's table, top rows by `sort`. */
export function opText(result: ChildResult, top: number, sort: SortKey): string {
  const head = section(`@dl op profiler: top ${top} events by ${sort} (tfjs backend: ${result.backend})`);
  if (result.eventCount === 0) return `${head}\n(no ops were recorded: the script ran no @dl/core ops, or loaded a @dl/core that dl-bottleneck could not hook)`;
  return `${head}\n${result.eventCount} events recorded\n${averagesList(result.averages).table({ sortBy: sort, rowLimit: top }).trimEnd()}`;
}
