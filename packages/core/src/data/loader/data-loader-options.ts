import type { Generator } from '../../random/generator';
import type { WorkerFunction } from '../function-from-module';
import type { ModuleExport } from '../module-export';

/** An iterable of dataset indices with an optional `length` (any `Sampler` fits, or `[3, 1, 2]`). */
export type IndexSampler = Iterable<number> & { readonly length?: number };

/** An iterable of index lists with an optional `length` (a `BatchSampler` fits, or `[[0, 1], [2]]`). */
export type IndexBatchSampler = Iterable<readonly number[]> & { readonly length?: number };

/**
 * Options of {@link DataLoader}: PyTorch's `DataLoader` arguments in camelCase, plus
 * `concurrency` for async datasets.
 *
 * @example
 * ```ts
 * const options: dl.DataLoaderOptions<[dl.Tensor, number], [dl.Tensor, dl.Tensor]> = { batchSize: 64, shuffle: true, numWorkers: 2, persistentWorkers: true };
 * ```
 */
export interface DataLoaderOptions<T, B> {
  /** Items per batch; null turns batching off (items go through `defaultConvert`). @default 1 */
  batchSize?: number | null;
  /** Reshuffle the indices every epoch (a {@link RandomSampler}). @default false */
  shuffle?: boolean;
  /** Where indices come from (mutually exclusive with `shuffle`). @default SequentialSampler or RandomSampler */
  sampler?: IndexSampler;
  /** Where whole index batches come from (mutually exclusive with `batchSize`, `shuffle`, `sampler`, `dropLast`). @default undefined */
  batchSampler?: IndexBatchSampler;
  /**
   * Worker threads that load batches (Node only). 0 loads in the main thread. The dataset must
   * have a `workerSpec()` so each worker can rebuild it. @default 0
   */
  numWorkers?: number;
  /**
   * Combines a list of items into a batch. A plain function runs in the main thread (workers then
   * send items); a {@link ModuleExport}, or a function from `functionFromModule`, runs inside the
   * workers, called as `fn(items, ...args)`.
   * @default defaultCollate (defaultConvert when batchSize is null), run in the workers
   */
  collateFn?: ((items: T[]) => B) | ModuleExport;
  /** Accepted for PyTorch compatibility; a no-op (TensorFlow.js has no pinned host memory). @default false */
  pinMemory?: boolean;
  /** Drop the last batch when it is smaller than `batchSize`. @default false */
  dropLast?: boolean;
  /**
   * The longest wait for one batch from the workers, in milliseconds; 0 waits forever. A worker's
   * start-up (loading modules, building the dataset) gets at least 60 s. @default 0
   */
  timeout?: number;
  /**
   * Runs in each worker after seeding and before loading, as `fn(workerId, ...args)`: a module
   * export or a function from `functionFromModule` (plain functions cannot cross threads).
   * @default undefined
   */
  workerInitFn?: ModuleExport | WorkerFunction<(workerId: number) => unknown>;
  /** The random source of shuffling and of the workers' base seed. @default the default generator */
  generator?: Generator;
  /** Batches loaded in advance by each worker (needs numWorkers > 0). @default 2 */
  prefetchFactor?: number;
  /** Keep the workers (and their dataset copies) alive between epochs. @default false */
  persistentWorkers?: boolean;
  /** How many async `getItem` calls run at once in each thread. @default 16 */
  concurrency?: number;
}
