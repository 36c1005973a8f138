import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import { matmul } from './matmul';

/**
 * Matrix-vector product, `[n, m] x [m] -> [n]` (PyTorch's `torch.mv`).
 *
 * @example
 * ```ts
 * dl.mv(dl.ones([2, 3]), dl.tensor([1, 2, 3])).tolist(); // [6, 6]
 * ```
 */
export function mv(input: Tensor, vec: Tensor): Tensor {
  assertTensor(input, 'mv');
  assertTensor(vec, 'mv', 'vec');
  if (input.dim() !== 2 || vec.dim() !== 1) {
    throw new ShapeError(`mv: expected a 2-D matrix and a 1-D vector, got shapes [${input.shape.join(', ')}] and [${vec.shape.join(', ')}]`);
  }
  if (input.shape[1] !== vec.shape[0]) {
    throw new ShapeError(`mv: size mismatch, matrix [${input.shape.join(', ')}] and vector [${vec.shape[0]}]`);
  }
  return matmul(input, vec);
}
