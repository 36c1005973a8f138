import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { promoteTypes } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { assertTensor } from '../arg-checks';
import { broadcastTo } from '../shape/expand';
import { fmtShape, numelOf, reshapeTo } from '../shape/shape-utils';

/** `shape` without its leading size-1 dimensions (they never change how batches pair up). */
function stripLeadingOnes(shape: readonly number[]): readonly number[] {
  let i = 0;
  while (i < shape.length && shape[i] === 1) i++;
  return i === 0 ? shape : shape.slice(i);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The broadcast of the two batch shapes (everything but the matrix dimensions), or a ShapeError
 * naming both operands and, as PyTorch does, the first dimension that does not broadcast.
 */
function broadcastBatch(ba: readonly number[], bb: readonly number[], sa: readonly number[], sb: readonly number[]): number[] {
  const n = Math.max(ba.length, bb.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = ba[ba.length - n + i] ?? 1;
    const db = bb[bb.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `matmul: shapes ${fmtShape(sa)} and ${fmtShape(sb)} cannot be multiplied: their batch dimensions ${fmtShape(ba)} and ${fmtShape(bb)} do not broadcast (the size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * `x` (batch dims `batch` of its own, then the matrix dims `mat`) as a 3-D `[numel(out), ...mat]`
 * tensor broadcast over `out`. Only copies when the batch really has to be repeated.
 */
function toBatch3d(x: Tensor, batch: readonly number[], mat: readonly number[], out: readonly number[], size: number): Tensor {
  const full = numelOf(batch) === size ? x : broadcastTo(x, [...out, ...mat]);
  return reshapeTo(full, [size, ...mat], 'Reshape');
}

/**
 * Matrix product with PyTorch's rules: 1-D·1-D is a dot product, 1-D operands get a dimension
 * added and removed, and batch dimensions broadcast (`[j, 1, n, m] @ [k, m, p]` is
 * `[j, k, n, p]`).
 *
 * @example
 * ```ts
 * dl.matmul(dl.ones([2, 3]), dl.ones([3, 4])).shape; // [2, 4]
 * dl.matmul(dl.ones([2, 1, 5, 3]), dl.ones([4, 3, 6])).shape; // [2, 4, 5, 6]
 * ```
 */
export function matmul(input: Tensor, other: Tensor): Tensor {
  assertTensor(input, 'matmul');
  assertTensor(other, 'matmul', 'other');
  const dtype = promoteTypes(input.dtype, other.dtype);
  if (dtype === 'bool') throw new DTypeError(`matmul: not implemented for bool tensors (cast them with .float() or .int())`);
  if (dtype === 'int32' && tf.getBackend() === 'wasm') {
    // tfjs-backend-wasm has no integer BatchMatMul, and computing in float32 would round sums
    // past 2^24 silently.
    throw new DTypeError(`matmul: int32 tensors are not supported on the wasm backend (cast them with .float(), or use the cpu backend)`);
  }
  let a = castTo(input, dtype);
  let b = castTo(other, dtype);
  const ra = a.dim();
  const rb = b.dim();
  if (ra === 0 || rb === 0) throw new ShapeError(`matmul: both arguments need at least 1 dimension (got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`);
  const sa = a.shape;
  const sb = b.shape;
  const k1 = sa[ra - 1];
  const k2 = rb === 1 ? sb[0] : sb[rb - 2];
  if (k1 !== k2) {
    throw new ShapeError(`matmul: shapes ${fmtShape(sa)} and ${fmtShape(sb)} cannot be multiplied (${k1} vs ${k2} in the contracted dimension)`);
  }
  const batchA = ra > 2 ? sa.slice(0, ra - 2) : [];
  const batchB = rb > 2 ? sb.slice(0, rb - 2) : [];
  const batch = batchA.length === 0 && batchB.length === 0 ? batchA : broadcastBatch(batchA, batchB, sa, sb);
  const m = ra === 1 ? 1 : sa[ra - 2];
  const n = rb === 1 ? 1 : sb[rb - 1];
  const outShape = [...batch];
  if (ra !== 1) outShape.push(m);
  if (rb !== 1) outShape.push(n);

  // Nothing to multiply: tfjs-backend-wasm returns uninitialised memory for an empty contracted
  // dimension and fails on an empty batch, so build the (all-zero) result here.
  if (k1 === 0 || numelOf(outShape) === 0) {
    return runOp({
      name: 'MatMul',
      inputs: [a, b],
      forward: () => tf.zeros(outShape, dtype),
      backward: () => [tf.zeros(sa.slice(), dtype), tf.zeros(sb.slice(), dtype)],
    });
  }

  if (ra === 1) a = reshapeTo(a, [1, k1], 'Reshape');
  if (rb === 1) b = reshapeTo(b, [k2, 1], 'Reshape');

  // tfjs's BatchMatMul (cpu, wasm) pairs batch `i` of the output with batch `i % batchSize` of
  // each operand, and only that pairing is safe on every backend when an operand has a single
  // batch or both operands have the same batch shape (leading 1s aside). Otherwise (e.g.
  // [2, 1, m, k] @ [3, k, n]) broadcast both to the full batch shape as 3-D tensors first; the
  // gradients of those copies sum back to each input's shape.
  const sizeA = numelOf(batchA);
  const sizeB = numelOf(batchB);
  let out: Tensor;
  if (sizeA === 1 || sizeB === 1 || sameShape(stripLeadingOnes(batchA), stripLeadingOnes(batchB))) {
    out = kernelOp('BatchMatMul', { a, b }, { transposeA: false, transposeB: false }, 'MatMul');
    if (ra !== 1 && rb !== 1) return out;
  } else {
    const size = numelOf(batch);
    const a3 = toBatch3d(a, batchA, [m, k1], batch, size);
    const b3 = toBatch3d(b, batchB, [k2, n], batch, size);
    out = kernelOp('BatchMatMul', { a: a3, b: b3 }, { transposeA: false, transposeB: false }, 'MatMul');
  }
  return sameShape(out.shape, outShape) ? out : reshapeTo(out, outShape, 'Reshape');
}
