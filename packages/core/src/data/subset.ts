import { ValueError } from '../errors/value-error';
import { checkIndex } from './check-index';
import { asMapDataset } from './array-dataset';
import { Dataset, type MapDataset } from './dataset';
import { GET_BATCH, hasBatchFetch } from './loader/fetch-batch';
import type { ModuleExport } from './module-export';

/**
 * The items of a dataset at the given indices (PyTorch's `Subset`); `randomSplit` makes these.
 *
 * @example
 * ```ts
 * const firstTen = new dl.Subset(dataset, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * firstTen.length; // 10
 * ```
 */
export class Subset<T> extends Dataset<T> {
  /** The dataset indexed. */
  readonly dataset: MapDataset<T>;
  /** Its indices, in this subset's order. */
  readonly indices: readonly number[];

  constructor(dataset: MapDataset<T> | readonly T[], indices: Iterable<number>) {
    super();
    this.dataset = asMapDataset(dataset, 'Subset');
    if (indices === null || typeof indices !== 'object' || typeof (indices as Iterable<number>)[Symbol.iterator] !== 'function') {
      throw new ValueError(`Subset: indices should be an array of integers, but got ${String(indices)}`);
    }
    this.indices = Array.from(indices);
  }

  get length(): number {
    return this.indices.length;
  }

  getItem(index: number): T | Promise<T> {
    return this.dataset.getItem(this.indices[checkIndex(index, this.indices.length, 'Subset')]);
  }

  /**
   * @internal The DataLoader's batch fast path: a Subset of a dataset that makes whole batches (a
   * TensorDataset, as `randomSplit` gives) makes them too; undefined otherwise.
   */
  [GET_BATCH](indices: readonly number[]): unknown {
    const inner = this.dataset;
    if (!hasBatchFetch(inner)) return undefined;
    const n = this.indices.length;
    return inner[GET_BATCH](Array.from(indices, (i) => this.indices[checkIndex(i, n, 'Subset')]));
  }

  override workerSpec(): ModuleExport {
    return { module: '@dl/core', export: 'Subset', args: [this.dataset, this.indices] };
  }
}
