import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { matmul } from './matmul';

/**
 * Matrix product of two 2-D tensors, `[n, m] x [m, p] -> [n, p]` (PyTorch's `torch.mm`). No
 * broadcasting; use {@link matmul} for batches.
 *
 * @example
 * ```ts
 * dl.mm(dl.ones([2, 3]), dl.ones([3, 4])).shape; // [2, 4]
 * ```
 */
export function mm(input: Tensor, mat2: Tensor): Tensor {
  assertTensor(input, 'mm');
  assertTensor(mat2, 'mm', 'mat2');
  if (input.dim() !== 2) throw new ShapeError(`mm: self must be a matrix (2-D), got shape [${input.shape.join(', ')}]`);
  if (mat2.dim() !== 2) throw new ShapeError(`mm: mat2 must be a matrix (2-D), got shape [${mat2.shape.join(', ')}]`);
  const [n, m] = input.shape;
  const [m2, p] = mat2.shape;
  if (m !== m2) throw new ShapeError(`mm: mat1 and mat2 shapes cannot be multiplied (${n}x${m} and ${m2}x${p})`);
  return matmul(input, mat2);
}
