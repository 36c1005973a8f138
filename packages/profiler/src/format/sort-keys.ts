import { ProfilerError } from '../errors/profiler-error';

/** What a table row offers to sort by. */
export interface SortableRow {
  readonly count: number;
  readonly cpuTime: number;
  readonly cpuTimeTotal: number;
  readonly selfCpuTime: number;
  readonly selfCpuTimeTotal: number;
  readonly cpuMemoryUsage: number;
  readonly selfCpuMemoryUsage: number;
  readonly flops: number;
}

/**
 * Keys `table({ sortBy })` accepts, in PyTorch's spelling or camelCase. `cpu_time` and
 * `self_cpu_time` are per-call averages; the `_total` keys are sums.
 */
export type SortKey =
  | 'cpu_time'
  | 'cpu_time_total'
  | 'self_cpu_time'
  | 'self_cpu_time_total'
  | 'cpu_memory_usage'
  | 'self_cpu_memory_usage'
  | 'count'
  | 'flops'
  | 'cpuTime'
  | 'cpuTimeTotal'
  | 'selfCpuTime'
  | 'selfCpuTimeTotal'
  | 'cpuMemoryUsage'
  | 'selfCpuMemoryUsage';

const FIELDS: Record<string, keyof SortableRow> = {
  cpu_time: 'cpuTime',
  cpu_time_total: 'cpuTimeTotal',
  self_cpu_time: 'selfCpuTime',
  self_cpu_time_total: 'selfCpuTimeTotal',
  cpu_memory_usage: 'cpuMemoryUsage',
  self_cpu_memory_usage: 'selfCpuMemoryUsage',
  count: 'count',
  flops: 'flops',
  cpuTime: 'cpuTime',
  cpuTimeTotal: 'cpuTimeTotal',
  selfCpuTime: 'selfCpuTime',
  selfCpuTimeTotal: 'selfCpuTimeTotal',
  cpuMemoryUsage: 'cpuMemoryUsage',
  selfCpuMemoryUsage: 'selfCpuMemoryUsage',
};

const PYTORCH_KEYS = Object.keys(FIELDS).filter((k) => k === k.toLowerCase());

/** @internal The row field a sort key reads; a typed error naming the valid keys otherwise. */
export function sortField(key: string, op: string): keyof SortableRow {
  const field = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
  if (field !== undefined) return field;
  const device = /cuda|device|xpu|mtia|privateuse1/i.test(String(key));
  throw new ProfilerError(
    `${op}: sortBy '${String(key)}' is not a valid key${device ? ' (@dl runs on TensorFlow.js and records no device times)' : ''}; expected one of ${PYTORCH_KEYS.map((k) => `'${k}'`).join(', ')} (or their camelCase forms)`,
  );
}
