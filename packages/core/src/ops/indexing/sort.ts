import type { ValuesIndices } from '../reduction/values-indices';
import type { Tensor } from '../../tensor/tensor';
import { topk } from './topk';
import { assertTensor, assertOptions } from '../arg-checks';

/** Options of {@link sort} and {@link argsort}. */
export interface SortOptions {
  /** The dimension to sort along. @default -1 */
  dim?: number;
  /** Largest first. @default false */
  descending?: boolean;
  /** Keep equal elements in their original order. @dl's sort is always stable, so this only documents intent. @default false */
  stable?: boolean;
}

/**
 * Sorts along `dim`, returning the sorted values and the int32 indices that sort the input
 * (PyTorch's `torch.sort`). The sort is stable; NaN sorts as the largest value.
 *
 * @example
 * ```ts
 * const { values, indices } = dl.sort(dl.tensor([3, 1, 2]));
 * values.tolist(); // [1, 2, 3]
 * indices.tolist(); // [1, 2, 0]
 * ```
 */
export function sort(input: Tensor, options: SortOptions = {}): ValuesIndices {
  assertTensor(input, 'sort');
  assertOptions(options, 'sort', '{ dim: 0, descending: true }');
  const axis = input._normDim(options.dim ?? -1, 'sort');
  const n = input.dim() === 0 ? 1 : input.shape[axis];
  return topk(input, n, { dim: axis, largest: options.descending ?? false, sorted: true });
}

/**
 * The int32 indices that sort `input` along `dim` (PyTorch's `torch.argsort`).
 *
 * @example
 * ```ts
 * dl.argsort(dl.tensor([3, 1, 2]), { descending: true }).tolist(); // [0, 2, 1]
 * ```
 */
export function argsort(input: Tensor, options: SortOptions = {}): Tensor {
  assertTensor(input, 'argsort');
  assertOptions(options, 'argsort', '{ dim: 0, descending: true }');
  return sort(input, options).indices;
}
