import { kernelOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/**
 * Reorders the dimensions: result dimension `i` is input dimension `dims[i]`.
 *
 * @example
 * ```ts
 * dl.permute(dl.zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 * ```
 */
export function permute(input: Tensor, dims: readonly number[]): Tensor {
  assertTensor(input, 'permute');
  assertNumberList(dims, 'permute', 'dims');
  const rank = input.dim();
  if (dims.length !== rank) {
    throw new ShapeError(`permute: number of dims don't match (got ${dims.length} dims ${fmtShape(dims)} for a tensor of shape ${fmtShape(input.shape)})`);
  }
  const perm = dims.map((d) => input._normDim(d, 'permute'));
  const seen = new Set<number>();
  for (let i = 0; i < perm.length; i++) {
    if (seen.has(perm[i])) throw new ValueError(`permute: repeated dim ${dims[i]} in dims ${fmtShape(dims)}`);
    seen.add(perm[i]);
  }
  if (rank < 2) return kernelOp('Identity', { x: input }, {}, 'Permute');
  return kernelOp('Transpose', { x: input }, { perm }, 'Permute');
}
