import type { ModuleExport } from './module-export';

/**
 * A dataset that is a stream (PyTorch's `IterableDataset`): implement `[Symbol.iterator]` or
 * `[Symbol.asyncIterator]` (a generator method is simplest). With `numWorkers > 0` every worker
 * iterates its own copy, so split the stream with `getWorkerInfo()` to avoid duplicates.
 *
 * @example
 * ```ts
 * class Range extends dl.IterableDataset<number> {
 *   constructor(readonly start: number, readonly end: number) { super(); }
 *   *[Symbol.iterator]() {
 *     const info = dl.getWorkerInfo();
 *     const step = info ? info.numWorkers : 1;
 *     for (let i = this.start + (info?.id ?? 0); i < this.end; i += step) yield i;
 *   }
 * }
 * ```
 */
export abstract class IterableDataset<T> {
  /** A synchronous stream of items (implement this or `[Symbol.asyncIterator]`). */
  [Symbol.iterator]?(): Iterator<T>;
  /** An asynchronous stream of items. */
  [Symbol.asyncIterator]?(): AsyncIterator<T>;

  /** How a worker thread rebuilds this dataset (see `Dataset.workerSpec`). @default undefined */
  workerSpec(): ModuleExport | undefined {
    return undefined;
  }
}

/**
 * What the DataLoader accepts as an iterable-style dataset: an {@link IterableDataset} or any
 * object with `[Symbol.iterator]`/`[Symbol.asyncIterator]` and no `getItem`.
 */
export type IterableDatasetLike<T> = (Iterable<T> | AsyncIterable<T>) & { workerSpec?(): ModuleExport | undefined; readonly length?: number };

/** @internal Whether a value is an iterable-style dataset. */
export function isIterableDataset(value: unknown): value is IterableDatasetLike<unknown> {
  if (value === null || typeof value !== 'object' || typeof (value as { getItem?: unknown }).getItem === 'function') return false;
  if (Array.isArray(value)) return false;
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** @internal An async iterator over an iterable dataset (sync or async). */
export function iterateDataset<T>(dataset: IterableDatasetLike<T>): AsyncIterator<T> | Iterator<T> {
  const asyncIt = (dataset as AsyncIterable<T>)[Symbol.asyncIterator];
  if (typeof asyncIt === 'function') return asyncIt.call(dataset);
  return (dataset as Iterable<T>)[Symbol.iterator]();
}
