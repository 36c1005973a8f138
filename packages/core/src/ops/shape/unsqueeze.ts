import type { Tensor } from '../../tensor/tensor';
import { reshapeTo } from './shape-utils';
import { assertTensor } from '../arg-checks';

/**
 * Inserts a dimension of size 1 at `dim` (negative counts from the end of the result).
 *
 * @example
 * ```ts
 * dl.unsqueeze(dl.zeros([2, 3]), -1).shape; // [2, 3, 1]
 * ```
 */
export function unsqueeze(input: Tensor, dim: number): Tensor {
  assertTensor(input, 'unsqueeze');
  const d = input._normDim(dim, 'unsqueeze', input.dim() + 1);
  const shape = input.shape;
  shape.splice(d, 0, 1);
  return reshapeTo(input, shape, 'Unsqueeze');
}
