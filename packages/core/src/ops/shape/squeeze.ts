import type { Tensor } from '../../tensor/tensor';
import { reshapeTo } from './shape-utils';
import { assertTensor, dimList } from '../arg-checks';

/**
 * Removes dimensions of size 1: all of them, or only those in `dim` (a listed dimension whose
 * size is not 1 is left as it is, as in PyTorch).
 *
 * @example
 * ```ts
 * dl.squeeze(dl.zeros([2, 1, 3, 1])).shape; // [2, 3]
 * dl.squeeze(dl.zeros([2, 1, 3, 1]), 1).shape; // [2, 3, 1]
 * ```
 */
export function squeeze(input: Tensor, dim?: number | readonly number[]): Tensor {
  assertTensor(input, 'squeeze');
  const shape = input.shape;
  let drop: Set<number>;
  if (dim === undefined) drop = new Set(shape.flatMap((s, i) => (s === 1 ? [i] : [])));
  else {
    const dims = dimList(dim, 'squeeze', 'dim');
    drop = new Set(dims.map((d) => input._normDim(d, 'squeeze')).filter((d) => shape[d] === 1));
  }
  return reshapeTo(input, shape.filter((_, i) => !drop.has(i)), 'Squeeze');
}
