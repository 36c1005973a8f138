import type { MapDataset } from '../dataset';
import { checkSamplerIndex, ItemLoadError } from './fetch-items';

/**
 * @internal The method a dataset has when it can make a whole batch at once (PyTorch's
 * `__getitems__` fast path): given checked indices, it returns what `defaultCollate` would make of
 * their items, or undefined to let the loader fetch and collate item by item. A registered symbol,
 * so copies of @dl/core (CommonJS next to ESM in a worker) agree on it.
 */
export const GET_BATCH: unique symbol = Symbol.for('@dl/core:data.getBatch');

/** @internal A dataset with the {@link GET_BATCH} method. */
export interface BatchDataset {
  [GET_BATCH](indices: readonly number[]): unknown;
}

/** @internal Whether a dataset can make whole batches (see {@link GET_BATCH}). */
export function hasBatchFetch(dataset: unknown): dataset is BatchDataset {
  return dataset !== null && typeof dataset === 'object' && typeof (dataset as Partial<BatchDataset>)[GET_BATCH] === 'function';
}

/**
 * @internal The collated batch at `indices` straight from a dataset that makes whole batches, or
 * undefined (the loader then loads and collates item by item). Only for the default collate with
 * batching. Indices are checked as for single items, so errors name the same index; with `wrap`
 * (workers) they carry it as an `ItemLoadError`.
 */
export function fetchBatch(dataset: MapDataset<unknown>, indices: readonly number[], wrap = false): unknown {
  if (indices.length === 0 || !hasBatchFetch(dataset)) return undefined;
  const length = dataset.length;
  for (const index of indices) {
    try {
      checkSamplerIndex(index, length);
    } catch (e) {
      throw wrap ? new ItemLoadError(index, e) : e;
    }
  }
  return dataset[GET_BATCH](indices);
}
