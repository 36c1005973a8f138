import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { inferShape, reshapeTo } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/**
 * Splits dimension `dim` into `sizes` (one of them may be `-1`), the inverse of `flatten`.
 *
 * @example
 * ```ts
 * dl.unflatten(dl.zeros([2, 12]), 1, [3, -1]).shape; // [2, 3, 4]
 * ```
 */
export function unflatten(input: Tensor, dim: number, sizes: readonly number[]): Tensor {
  assertTensor(input, 'unflatten');
  assertNumberList(sizes, 'unflatten', 'sizes');
  const d = input._normDim(dim, 'unflatten');
  if (sizes.length === 0) throw new ShapeError('unflatten: sizes must be non-empty');
  const shape = input.shape;
  const inner = inferShape(input.dim() === 0 ? [1] : [shape[d]], sizes, 'unflatten');
  if (input.dim() === 0) return reshapeTo(input, inner, 'Unflatten');
  const out = [...shape.slice(0, d), ...inner, ...shape.slice(d + 1)];
  return reshapeTo(input, out, 'Unflatten');
}
