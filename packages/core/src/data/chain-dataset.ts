import { ValueError } from '../errors/value-error';
import { IterableDataset, isIterableDataset, iterateDataset, type IterableDatasetLike } from './iterable-dataset';
import type { ModuleExport } from './module-export';

/**
 * Several iterable datasets streamed one after another (PyTorch's `ChainDataset`); chaining
 * happens on the fly. `length` is the sum when every part has one.
 *
 * @example
 * ```ts
 * const all = new dl.ChainDataset([logs2023, logs2024]);
 * for await (const batch of new dl.DataLoader(all, { batchSize: 32 })) process(batch);
 * ```
 */
export class ChainDataset<T> extends IterableDataset<T> {
  /** The datasets, in order. */
  readonly datasets: readonly IterableDatasetLike<T>[];

  constructor(datasets: Iterable<IterableDatasetLike<T> | IterableDataset<T>>) {
    super();
    if (datasets === null || typeof datasets !== 'object' || typeof (datasets as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new ValueError(`ChainDataset: datasets should be an array of iterable datasets, got ${String(datasets)}`);
    }
    const list = Array.from(datasets);
    list.forEach((d, k) => {
      if (!isIterableDataset(d)) throw new ValueError(`ChainDataset: dataset ${k} is not an IterableDataset (ChainDataset only supports IterableDataset)`);
    });
    this.datasets = list as IterableDatasetLike<T>[];
  }

  /** The total number of items, when every dataset has a length. */
  get length(): number {
    let total = 0;
    this.datasets.forEach((d, k) => {
      if (typeof d.length !== 'number') throw new ValueError(`ChainDataset: dataset ${k} has no length`);
      total += d.length;
    });
    return total;
  }

  override async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (const d of this.datasets) {
      const it = iterateDataset(d);
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        yield r.value;
      }
    }
  }

  override workerSpec(): ModuleExport {
    return { module: '@dl/core', export: 'ChainDataset', args: [this.datasets] };
  }
}
