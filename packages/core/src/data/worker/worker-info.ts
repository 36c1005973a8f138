/**
 * What a DataLoader worker knows about itself (PyTorch's `WorkerInfo`): use it in a dataset to
 * shard an `IterableDataset` or to open per-worker resources.
 *
 * @example
 * ```ts
 * const info = dl.getWorkerInfo();
 * if (info) console.log(`worker ${info.id} of ${info.numWorkers}, seed ${info.seed}`);
 * ```
 */
export interface WorkerInfo {
  /** This worker's id, 0 .. numWorkers - 1. */
  readonly id: number;
  /** How many workers the DataLoader runs. */
  readonly numWorkers: number;
  /**
   * This worker's seed: the loader's base seed + id. The worker's default generator is seeded with
   * it (mod 2^32), so `dl.rand` etc. differ between workers and repeat run to run.
   */
  readonly seed: number;
  /** This worker's copy of the dataset (throws while the dataset is still being built). */
  readonly dataset: unknown;
}

// Kept on globalThis so a dataset module that imports a second copy of @dl/core (CommonJS next
// to ESM) still sees the worker's info.
const KEY = Symbol.for('@dl/core:data-worker-info');

/** @internal Sets (or clears) this thread's worker info. */
export function setWorkerInfo(info: WorkerInfo | null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = info;
}

/**
 * Information about the current DataLoader worker thread, or null in the main thread (PyTorch's
 * `get_worker_info`).
 *
 * @example
 * ```ts
 * class Shards extends dl.IterableDataset<number> {
 *   *[Symbol.iterator]() {
 *     const info = dl.getWorkerInfo();
 *     const [id, n] = info ? [info.id, info.numWorkers] : [0, 1];
 *     for (let i = id; i < 100; i += n) yield i;
 *   }
 * }
 * ```
 */
export function getWorkerInfo(): WorkerInfo | null {
  return ((globalThis as Record<symbol, unknown>)[KEY] as WorkerInfo | undefined) ?? null;
}
