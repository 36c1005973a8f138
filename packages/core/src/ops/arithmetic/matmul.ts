import { kernelOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { promoteTypes } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { assertTensor } from '../arg-checks';

/**
 * Matrix product with PyTorch's rules: 1-D·1-D is a dot product, 1-D operands get a dimension
 * added and removed, and batch dimensions broadcast.
 *
 * @example
 * ```ts
 * dl.matmul(dl.ones([2, 3]), dl.ones([3, 4])).shape; // [2, 4]
 * ```
 */
export function matmul(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'matmul');
  assertTensor(other, 'matmul', 'other');
  const dtype = promoteTypes(input.dtype, other.dtype);
  let a = castTo(input, dtype);
  let b = castTo(other, dtype);
  const ra = a.dim();
  const rb = b.dim();
  if (ra === 0 || rb === 0) throw new ShapeError(`matmul: both arguments need at least 1 dimension (got shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}])`);
  const sa = a.shape;
  const sb = b.shape;
  const k1 = sa[sa.length - 1];
  const k2 = rb === 1 ? sb[0] : sb[sb.length - 2];
  if (k1 !== k2) {
    throw new ShapeError(`matmul: shapes [${sa.join(', ')}] and [${sb.join(', ')}] cannot be multiplied (${k1} vs ${k2} in the contracted dimension)`);
  }
  if (ra === 1) a = kernelOp('Reshape', { x: a }, { shape: [1, k1] }, 'Reshape');
  if (rb === 1) b = kernelOp('Reshape', { x: b }, { shape: [k2, 1] }, 'Reshape');
  let out = kernelOp('BatchMatMul', { a, b }, { transposeA: false, transposeB: false }, 'MatMul');
  if (ra === 1 || rb === 1) {
    const shape = out.shape;
    const keep = shape.filter((_, i) => !((ra === 1 && i === shape.length - 2) || (rb === 1 && i === shape.length - 1)));
    out = kernelOp('Reshape', { x: out }, { shape: keep }, 'Reshape');
  }
  return out;
}
