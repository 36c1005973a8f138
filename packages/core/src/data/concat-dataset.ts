import { ValueError } from '../errors/value-error';
import { asMapDataset } from './array-dataset';
import { checkIndex } from './check-index';
import { Dataset, type MapDataset } from './dataset';
import { isIterableDataset } from './iterable-dataset';
import type { ModuleExport } from './module-export';

/**
 * Several map-style datasets one after another (PyTorch's `ConcatDataset`): index `i` goes to
 * the dataset whose range holds it.
 *
 * @example
 * ```ts
 * const both = new dl.ConcatDataset([trainA, trainB]);
 * both.length === trainA.length + trainB.length; // true
 * ```
 */
export class ConcatDataset<T> extends Dataset<T> {
  /** The datasets, in order. */
  readonly datasets: readonly MapDataset<T>[];
  /** Running totals of their lengths (PyTorch's `cumulative_sizes`). */
  readonly cumulativeSizes: readonly number[];

  constructor(datasets: Iterable<MapDataset<T> | readonly T[]>) {
    super();
    if (datasets === null || typeof datasets !== 'object' || typeof (datasets as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new ValueError(`ConcatDataset: datasets should be an array of datasets, got ${String(datasets)}`);
    }
    const list = Array.from(datasets);
    if (list.length === 0) throw new ValueError('ConcatDataset: datasets should not be an empty iterable');
    list.forEach((d, k) => {
      if (isIterableDataset(d)) throw new ValueError(`ConcatDataset: dataset ${k} is an IterableDataset; ConcatDataset does not support IterableDataset (use ChainDataset)`);
    });
    this.datasets = list.map((d) => asMapDataset(d, 'ConcatDataset'));
    let total = 0;
    this.cumulativeSizes = this.datasets.map((d) => (total += d.length));
  }

  get length(): number {
    return this.cumulativeSizes[this.cumulativeSizes.length - 1];
  }

  getItem(index: number): T | Promise<T> {
    const i = checkIndex(index, this.length, 'ConcatDataset');
    let lo = 0;
    let hi = this.cumulativeSizes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulativeSizes[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    const offset = lo === 0 ? 0 : this.cumulativeSizes[lo - 1];
    return this.datasets[lo].getItem(i - offset);
  }

  override workerSpec(): ModuleExport {
    return { module: '@dl/core', export: 'ConcatDataset', args: [this.datasets] };
  }
}
