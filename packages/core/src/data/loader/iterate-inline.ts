import { ValueError } from '../../errors/value-error';
import { tick } from '../../memory/collect';
import type { MapDataset } from '../dataset';
import { iterateDataset, type IterableDatasetLike } from '../iterable-dataset';
import { fetchBatch, hasBatchFetch } from './fetch-batch';
import { fetchItems } from './fetch-items';
import { isThenable } from './is-thenable';
import type { ResolvedPlan } from './loader-plan';

async function* iterableBatches(plan: ResolvedPlan): AsyncGenerator<unknown, void, undefined> {
  const ds = plan.dataset as IterableDatasetLike<unknown>;
  let it: Iterator<unknown> | AsyncIterator<unknown>;
  try {
    it = iterateDataset(ds);
  } catch (e) {
    if (e instanceof TypeError) throw new ValueError('DataLoader: the IterableDataset implements neither [Symbol.iterator] nor [Symbol.asyncIterator]', { cause: e });
    throw e;
  }
  const size = plan.batchSize;
  let batch: unknown[] = [];
  try {
    for (;;) {
      const step = it.next();
      const r = isThenable<IteratorResult<unknown>>(step) ? await step : step;
      if (r.done) break;
      if (size === null) {
        yield plan.collate(r.value);
        await tick();
        continue;
      }
      batch.push(r.value);
      if (batch.length === size) {
        const items = batch;
        batch = [];
        yield plan.collate(items);
        await tick();
      }
    }
    if (batch.length > 0 && !plan.dropLast) yield plan.collate(batch);
  } finally {
    // Closing the dataset's iterator runs its finally blocks (files, sockets) on early break.
    await it.return?.();
  }
}

/** Batches from a dataset that makes whole batches (a TensorDataset): one gather per tensor. */
async function* gatheredBatches(plan: ResolvedPlan): AsyncGenerator<unknown, void, undefined> {
  const ds = plan.dataset as MapDataset<unknown>;
  for (const indices of plan.indexSource as Iterable<readonly number[]>) {
    let batch = fetchBatch(ds, indices);
    if (batch === undefined) {
      const items = fetchItems(ds, indices, plan.concurrency);
      batch = plan.collate(isThenable<unknown[]>(items) ? await items : items);
    }
    yield batch;
    await tick();
  }
}

async function* mapBatches(plan: ResolvedPlan): AsyncGenerator<unknown, void, undefined> {
  const ds = plan.dataset as MapDataset<unknown>;
  if (plan.autoCollation && plan.collateMode === 'default' && hasBatchFetch(ds)) {
    yield* gatheredBatches(plan);
    return;
  }
  const limit = plan.concurrency;
  const source = (plan.indexSource as Iterable<readonly number[] | number>)[Symbol.iterator]();
  const load = (step: IteratorResult<readonly number[] | number>): unknown[] | Promise<unknown[]> | null => {
    if (step.done) return null;
    return fetchItems(ds, plan.autoCollation ? (step.value as readonly number[]) : [step.value as number], limit);
  };
  let current = load(source.next());
  while (current !== null) {
    const items = isThenable<unknown[]>(current) ? await current : current;
    // Async datasets (file reads, decoding) start on the next batch before this one is used, so
    // I/O overlaps the training step; synchronous ones stay lazy, as in PyTorch.
    let next: unknown[] | Promise<unknown[]> | null | undefined;
    if (isThenable(current)) {
      next = load(source.next());
      if (isThenable(next)) next.then(undefined, () => undefined);
    }
    yield plan.collate(plan.autoCollation ? items : items[0]);
    await tick();
    current = next !== undefined ? next : load(source.next());
  }
}

/** @internal `for await` over a DataLoader with numWorkers 0: one macrotask turn per batch. */
export function iterateInline(plan: ResolvedPlan): AsyncGenerator<unknown, void, undefined> {
  return plan.iterable ? iterableBatches(plan) : mapBatches(plan);
}
