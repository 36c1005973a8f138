import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { select } from './select';
import { assertTensor } from '../arg-checks';

/**
 * The slices along `dim`, with that dimension removed (PyTorch's `torch.unbind`).
 *
 * @param dim the dimension to take apart. @default 0
 * @example
 * ```ts
 * dl.unbind(dl.tensor([[1, 2], [3, 4]]), 1).map((p) => p.tolist()); // [[1, 3], [2, 4]]
 * ```
 */
export function unbind(input: Tensor, dim = 0): Tensor[] {
  assertTensor(input, 'unbind');
  if (input.dim() === 0) throw new ShapeError('unbind: dimension specified as 0 but tensor has no dimensions');
  const d = input._normDim(dim, 'unbind');
  return Array.from({ length: input.shape[d] }, (_, i) => select(input, d, i));
}
