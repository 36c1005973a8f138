// Datasets and functions the transform tests rebuild inside DataLoader worker threads.
import { Dataset, type ModuleExport } from '@dl/core';
import { Image } from '../../src/image/image';

const here = import.meta.url;

/** Doubles each number (a function for `functionFromModule`). */
export function doubleValues(values: number[]): number[] {
  return values.map((v) => v * 2);
}

/** Scales a tensor's values by `factor` (a function for `functionFromModule`, with an extra argument). */
export function scaleBy<T extends { mul(x: number): T }>(t: T, factor: number): T {
  return t.mul(factor);
}

/**
 * `size` distinct 4x2 RGB Images, each passed through `transform`: what a vision dataset does, in
 * a form worker threads rebuild from `workerSpec()` (the transform among the arguments).
 */
export class TinyImageDataset<T = unknown> extends Dataset<[T, number]> {
  constructor(
    readonly size: number,
    readonly transform?: (img: Image) => T,
  ) {
    super();
  }

  get length(): number {
    return this.size;
  }

  getItem(index: number): [T, number] {
    const img = new Image(4, 2, 'RGB', Uint8Array.from({ length: 24 }, (_, i) => (index * 40 + i * 9) % 256));
    return [this.transform ? this.transform(img) : (img as T), index];
  }

  override workerSpec(): ModuleExport {
    return { module: here, export: 'TinyImageDataset', args: [this.size, this.transform] };
  }
}
