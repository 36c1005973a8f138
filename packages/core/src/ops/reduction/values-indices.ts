import type { Tensor } from '../../tensor/tensor';

/**
 * What reductions along a dimension that pick elements return (`max`, `min`, `median`, `topk`,
 * `sort`, ...): the values and their int32 indices, like PyTorch's `torch.return_types`.
 *
 * @example
 * ```ts
 * const { values, indices } = dl.max(x, 1);
 * ```
 */
export interface ValuesIndices {
  /** The selected values. */
  values: Tensor;
  /** Their positions along the reduced dimension (int32). */
  indices: Tensor;
}
