import { kernelOp } from '../../autograd/run-op';
import { IndexError } from '../../errors/index-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor } from '../arg-checks';

/**
 * The slice `start .. start + length` of dimension `dim` (a negative `start` counts from the
 * end). PyTorch returns a view; @dl returns a copy with the same gradient.
 *
 * @example
 * ```ts
 * dl.narrow(dl.tensor([[1, 2, 3], [4, 5, 6]]), 1, 1, 2).tolist(); // [[2, 3], [5, 6]]
 * ```
 */
export function narrow(input: Tensor, dim: number, start: number, length: number): Tensor {
  assertTensor(input, 'narrow');
  if (input.dim() === 0) throw new ShapeError('narrow: cannot be applied to a 0-dim tensor');
  const d = input._normDim(dim, 'narrow');
  const shape = input.shape;
  const n = shape[d];
  if (!Number.isInteger(start) || start < -n || start > n) {
    throw new IndexError(`narrow: start out of range (expected to be in range of [${-n}, ${n}], but got ${start}) for dimension ${d} of size ${n}`);
  }
  const s = start < 0 ? start + n : start;
  if (!Number.isInteger(length) || length < 0) throw new ValueError(`narrow: length must be a non-negative integer (got ${length})`);
  if (s + length > n) {
    throw new ValueError(`narrow: start (${s}) + length (${length}) exceeds dimension size (${n}) of dimension ${d} in shape ${fmtShape(shape)}`);
  }
  const begin = shape.map((_, i) => (i === d ? s : 0));
  const size = shape.map((x, i) => (i === d ? length : x));
  return kernelOp('Slice', { x: input }, { begin, size }, 'Narrow');
}
