import type { ModuleExport } from '../module-export';
import type { TsLoader } from './ts-loader';

/** @internal A ModuleExport after encoding for a worker (module as a string, args encoded). */
export interface EncodedSpec {
  module: string;
  export: string;
  args: unknown[];
}

/** @internal An error's fields, as sent between threads. */
export interface SerializedError {
  name: string;
  message: string;
  stack: string;
}

/** @internal What each worker is started with (its `workerData`). */
export interface WorkerConfig {
  kind: 'dl-data-worker';
  runtime: string;
  /** tsx's APIs when TypeScript modules are to be loaded (the runtime or a spec's module). */
  tsLoader: TsLoader | null;
  /** Whether the runtime itself is TypeScript (the sources): the loader then starts before it. */
  tsRuntime: boolean;
  id: number;
  numWorkers: number;
  seed: number;
  dataset: EncodedSpec;
  datasetText: string;
  iterable: boolean;
  autoCollation: boolean;
  batchSize: number | null;
  dropLast: boolean;
  /** default: defaultCollate/defaultConvert in the worker; items: send items, the main thread collates; module: this spec. */
  collate: { mode: 'default' } | { mode: 'items' } | { mode: 'module'; spec: EncodedSpec; text: string };
  initFn: { spec: EncodedSpec; text: string } | null;
  concurrency: number;
}

/** @internal Main thread to worker. */
export type ToWorker =
  | { type: 'task'; epoch: number; seq: number; indices: number[] }
  | { type: 'iter'; epoch: number }
  | { type: 'next'; epoch: number; seq: number };

/** @internal Worker to main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; epoch: number; seq: number; data: unknown }
  | { type: 'end'; epoch: number; seq: number }
  | { type: 'error'; epoch: number; seq: number; index: number | null; error: SerializedError }
  | { type: 'fatal'; phase: string; error: SerializedError };

/** @internal Re-exported so both sides name the spec type the same way. */
export type { ModuleExport };

/** @internal An error (or anything thrown) as plain fields. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name || 'Error', message: e.message, stack: e.stack ?? '' };
  return { name: 'Error', message: String(e), stack: '' };
}
