import type { Converted } from './collated';
import { convertTree } from './convert-tree';
import { mainTarget } from './main-target';

/**
 * Converts one item without batching (PyTorch's `default_convert`, the DataLoader's collate
 * function when `batchSize` is null): typed arrays become Tensors, inside arrays, objects and
 * Maps too; everything else is returned as is.
 *
 * @example
 * ```ts
 * const { x, label } = dl.defaultConvert({ x: new Float32Array([1, 2]), label: 3 });
 * x.shape; // [2]; label stays 3
 * ```
 */
export function defaultConvert<T>(item: T): Converted<T> {
  return convertTree(item, mainTarget) as Converted<T>;
}
