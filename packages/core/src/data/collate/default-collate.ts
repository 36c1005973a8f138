import { collateTree } from './collate-tree';
import type { Collated } from './collated';
import { mainTarget } from './main-target';

/**
 * Combines a list of items into a batch with PyTorch's `default_collate` rules: Tensors are
 * stacked along a new first dimension; typed arrays (JavaScript's NumPy arrays) too; numbers
 * become a 1-D tensor (int32 when all are whole, else float32) and booleans a bool tensor;
 * strings stay a `string[]`; arrays and tuples are collated position by position, plain objects
 * and Maps key by key. A batch it cannot combine throws a `CollateError` naming the types, the
 * batch positions and the path inside the item.
 *
 * @example
 * ```ts
 * const batch = dl.defaultCollate([[dl.tensor([1, 2]), 0], [dl.tensor([3, 4]), 1]]);
 * batch[0].shape; // [2, 2]
 * batch[1].tolist(); // [0, 1]
 * ```
 */
export function defaultCollate<T>(batch: readonly T[]): Collated<T> {
  return collateTree(batch, mainTarget) as Collated<T>;
}
