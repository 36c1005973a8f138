import type { ModuleExport } from './module-export';

/**
 * A map-style dataset (PyTorch's `torch.utils.data.Dataset`): `getItem(index)` is `__getitem__`
 * and the `length` getter is `__len__`. `getItem` may be async (file reads, image decoding); the
 * DataLoader then runs several at once.
 *
 * To use the dataset with `numWorkers > 0`, override {@link Dataset.workerSpec} so each worker
 * thread can build its own copy.
 *
 * @example
 * ```ts
 * class Squares extends dl.Dataset<[number, number]> {
 *   get length() { return 100; }
 *   getItem(i: number): [number, number] { return [i, i * i]; }
 * }
 * const ds = new Squares();
 * ds.getItem(3); // [3, 9]
 * ```
 */
export abstract class Dataset<T> {
  /** The number of items (PyTorch's `__len__`). */
  abstract get length(): number;

  /** The item at `index`, 0 <= index < length (PyTorch's `__getitem__`). */
  abstract getItem(index: number): T | Promise<T>;

  /**
   * How a worker thread rebuilds this dataset: the module and export of its class (or factory)
   * and the constructor arguments. Returns undefined by default (the dataset then cannot be used
   * with `numWorkers > 0`).
   *
   * @example
   * ```ts
   * class FizzBuzz extends dl.Dataset<[dl.Tensor, dl.Tensor]> {
   *   constructor(readonly inputSize = 10) { super(); }
   *   override workerSpec() { return { module: import.meta.url, export: 'FizzBuzz', args: [this.inputSize] }; }
   *   // ...
   * }
   * ```
   */
  workerSpec(): ModuleExport | undefined {
    return undefined;
  }
}

/**
 * The map-style dataset contract: a {@link Dataset}, or any object with the same `length` and
 * `getItem` (the DataLoader also takes plain arrays).
 *
 * @example
 * ```ts
 * const squares: dl.MapDataset<number> = { length: 10, getItem: (i) => i * i };
 * ```
 */
export interface MapDataset<T> {
  readonly length: number;
  getItem(index: number): T | Promise<T>;
  workerSpec?(): ModuleExport | undefined;
}
