import { ValueError } from '../errors/value-error';
import { checkIndex } from './check-index';
import { Dataset, type MapDataset } from './dataset';
import type { ModuleExport } from './module-export';

/**
 * A plain array seen as a dataset (PyTorch accepts any sequence as a dataset).
 *
 * @example
 * ```ts
 * new dl.ArrayDataset([10, 20, 30]).getItem(1); // 20
 * ```
 */
export class ArrayDataset<T> extends Dataset<T> {
  /** The array. */
  readonly items: readonly T[];

  constructor(items: readonly T[]) {
    super();
    this.items = items;
  }

  get length(): number {
    return this.items.length;
  }

  getItem(index: number): T {
    return this.items[checkIndex(index, this.items.length, 'ArrayDataset')];
  }

  override workerSpec(): ModuleExport {
    return { module: '@dl/core', export: 'ArrayDataset', args: [this.items] };
  }
}

/** @internal A map-style view of an array (so arrays can be datasets), or the dataset itself. */
export function asMapDataset<T>(dataset: MapDataset<T> | readonly T[], who: string): MapDataset<T> {
  if (Array.isArray(dataset)) return new ArrayDataset(dataset as readonly T[]);
  if (dataset === null || typeof dataset !== 'object' || typeof (dataset as MapDataset<T>).getItem !== 'function') {
    throw new ValueError(`${who}: expected a map-style dataset (with getItem and length) or an array, got ${dataset === null ? 'null' : typeof dataset}`);
  }
  return dataset as MapDataset<T>;
}
