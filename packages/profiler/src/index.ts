// @dl/profiler: PyTorch's autograd profiler for @dl (browser-safe; trace files need Node).
// Ignite's time profilers are in './ignite'; the dl-bottleneck command is this package's bin.
export * from './errors/profiler-error';
export { Profiler } from './profiler/profiler';
export type { ProfilerOptions } from './profiler/profiler-options';
export { profile } from './profiler/profile';
export { recordFunction, type RecordFunctionHandle } from './record/record-function';
export type { EventCategory, OpPhase } from './record/recording';
export { KERNEL_PREFIX } from './record/kernel-hooks';
export { FunctionEvent, type FunctionEventInit } from './events/function-event';
export { FunctionEventAvg } from './events/function-event-avg';
export { EventList, type KeyAveragesOptions } from './events/event-list';
export type { TableOptions } from './format/build-table';
export type { SortKey } from './format/sort-keys';
export type { TimeUnit } from './format/format-units';
export type { ChromeTrace, ChromeTraceEvent } from './trace/chrome-trace';
