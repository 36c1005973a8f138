import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { matmul } from './matmul';

/**
 * Batched matrix product of two 3-D tensors, `[b, n, m] x [b, m, p] -> [b, n, p]` (PyTorch's
 * `torch.bmm`). The batch sizes must match (no broadcasting).
 *
 * @example
 * ```ts
 * dl.bmm(dl.ones([5, 2, 3]), dl.ones([5, 3, 4])).shape; // [5, 2, 4]
 * ```
 */
export function bmm(input: Tensor, mat2: Tensor): Tensor {
  assertTensor(input, 'bmm');
  assertTensor(mat2, 'bmm', 'mat2');
  if (input.dim() !== 3) throw new ShapeError(`bmm: batch1 must be a 3-D tensor, got shape [${input.shape.join(', ')}]`);
  if (mat2.dim() !== 3) throw new ShapeError(`bmm: batch2 must be a 3-D tensor, got shape [${mat2.shape.join(', ')}]`);
  const [b, n, m] = input.shape;
  const [b2, m2, p] = mat2.shape;
  if (b !== b2 || m !== m2) {
    throw new ShapeError(`bmm: expected batch2 of shape [${b}, ${m}, ${p}] for batch1 of shape [${b}, ${n}, ${m}], got [${b2}, ${m2}, ${p}]`);
  }
  return matmul(input, mat2);
}
