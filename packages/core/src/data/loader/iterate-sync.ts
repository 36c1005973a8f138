import { ValueError } from '../../errors/value-error';
import type { MapDataset } from '../dataset';
import type { IterableDatasetLike } from '../iterable-dataset';
import { fetchBatch, hasBatchFetch } from './fetch-batch';
import { checkSamplerIndex } from './fetch-items';
import { isThenable } from './is-thenable';
import type { ResolvedPlan } from './loader-plan';

function syncItem(dataset: MapDataset<unknown>, index: number): unknown {
  const item = dataset.getItem(checkSamplerIndex(index, dataset.length));
  if (isThenable(item)) {
    Promise.resolve(item).catch(() => undefined);
    throw new ValueError(`DataLoader: getItem(${index}) returned a Promise; iterate this loader with for await (for ... of needs synchronous items)`);
  }
  return item;
}

/** @internal `for ... of` over a DataLoader: numWorkers 0 and synchronous items only. */
export function* iterateSync(plan: ResolvedPlan): Generator<unknown, void, undefined> {
  if (plan.iterable) {
    const ds = plan.dataset as IterableDatasetLike<unknown>;
    if (typeof (ds as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new ValueError('DataLoader: this IterableDataset is asynchronous (only [Symbol.asyncIterator]); iterate the loader with for await');
    }
    const size = plan.batchSize;
    let batch: unknown[] = [];
    for (const item of ds as Iterable<unknown>) {
      if (size === null) {
        yield plan.collate(item);
        continue;
      }
      batch.push(item);
      if (batch.length === size) {
        yield plan.collate(batch);
        batch = [];
      }
    }
    if (batch.length > 0 && !plan.dropLast) yield plan.collate(batch);
    return;
  }
  const ds = plan.dataset as MapDataset<unknown>;
  if (plan.autoCollation && plan.collateMode === 'default' && hasBatchFetch(ds)) {
    // A TensorDataset (or a Subset of one) makes each batch with one gather per tensor.
    for (const indices of plan.indexSource as Iterable<readonly number[]>) yield fetchBatch(ds, indices) ?? plan.collate(indices.map((i) => syncItem(ds, i)));
  } else if (plan.autoCollation) {
    for (const indices of plan.indexSource as Iterable<readonly number[]>) yield plan.collate(indices.map((i) => syncItem(ds, i)));
  } else {
    for (const index of plan.indexSource as Iterable<number>) yield plan.collate(syncItem(ds, index));
  }
}
