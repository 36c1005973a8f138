import type { ModuleExport } from '@dl/core';
import { VisionDataset as CoreVisionDataset, type VisionDatasetOptions } from '@dl/core/node';
import { visionModuleUrl } from '../self-module';

/**
 * The base of @dl/vision's datasets: @dl/core's folder dataset (`root`, transforms, downloads of
 * `resources`, `prepare()`) with torchvision's repr as the seed prints it, and a `workerSpec()` so
 * `new DataLoader(ds, { numWorkers: 2 })` rebuilds the dataset (and its transforms) in each worker.
 *
 * A subclass implements `load()`, `loadItem(i)` and `length` as for @dl/core's `VisionDataset`,
 * and returns repr lines such as `Split: train` from `extraRepr()`.
 *
 * @example
 * ```ts
 * const mnist = await new MNIST('.', { download: true }).prepare();
 * String(mnist);
 * // Dataset MNIST
 * //     Number of datapoints: 60000
 * //     Split: train
 * //     Root Location: .
 * //     Transforms (if any): None
 * //     Target Transforms (if any): None
 * ```
 */
export abstract class VisionDataset<X, Y, TX = X, TY = Y> extends CoreVisionDataset<X, Y, TX, TY> {
  /** `root` as it was given (the repr shows it so); `root` itself is the absolute path. */
  readonly rootLocation: string;
  /** The options the dataset was built with, passed again when a worker thread rebuilds it. */
  protected readonly options: object;

  constructor(root: string, options: VisionDatasetOptions<X, Y, TX, TY> = {}) {
    super(root, options);
    this.rootLocation = root;
    this.options = options;
  }

  /**
   * How a DataLoader worker thread rebuilds the dataset: the class's export from this copy of
   * @dl/vision, with `(root, options)`. Transforms in the options must be @dl/vision transforms (or
   * have a `workerSpec()` themselves); a plain function cannot cross threads.
   */
  override workerSpec(): ModuleExport | undefined {
    return { module: visionModuleUrl(), export: this.constructor.name, args: [this.rootLocation, this.options] };
  }

  /** torchvision's repr as the seed shows it. */
  override toString(): string {
    const lines = [`Dataset ${this.name}`, `    Number of datapoints: ${this.isPrepared ? this.length : '? (not prepared)'}`];
    for (const line of this.extraRepr().split('\n')) if (line !== '') lines.push(`    ${line}`);
    lines.push(`    Root Location: ${this.rootLocation}`);
    if (this.transforms) lines.push(indented('    Transforms: ', describeTransform(this.transforms)));
    lines.push(indented('    Transforms (if any): ', describeTransform(this.transform)));
    lines.push(indented('    Target Transforms (if any): ', describeTransform(this.targetTransform)));
    return lines.join('\n');
  }
}

function indented(head: string, body: string): string {
  return head + body.split('\n').join(`\n${' '.repeat(head.length)}`);
}

function describeTransform(fn: ((...args: never[]) => unknown) | undefined): string {
  if (fn === undefined) return 'None';
  if (fn.toString !== Function.prototype.toString) return String(fn);
  return fn.name ? `${fn.name}()` : '<function>';
}
