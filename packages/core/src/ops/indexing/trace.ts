import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { sum } from '../reduction/sum';
import { diagonal } from './diagonal';
import { assertTensor } from '../arg-checks';

/**
 * The sum of the main diagonal of a matrix (integer inputs give int32).
 *
 * @example
 * ```ts
 * dl.trace(dl.tensor([[1, 2], [3, 4]])).item(); // 5
 * ```
 */
export function trace(input: Tensor): Tensor {
  assertTensor(input, 'trace');
  if (input.dim() !== 2) throw new ShapeError(`trace: expected a matrix (got shape [${input.shape.join(', ')}])`);
  return sum(diagonal(input));
}
