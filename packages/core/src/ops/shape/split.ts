import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { narrow } from './narrow';
import { fmtShape } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/** Pieces of the given sizes along a resolved dim. */
function splitSizes(input: Tensor, sizes: readonly number[], d: number): Tensor[] {
  const out: Tensor[] = [];
  let start = 0;
  for (const s of sizes) {
    out.push(narrow(input, d, start, s));
    start += s;
  }
  return out;
}

/**
 * Splits along `dim` into pieces of `splitSize` (the last may be smaller) or into pieces of the
 * listed sizes (which must add up to the dimension's size).
 *
 * @param dim the dimension to split. @default 0
 * @example
 * ```ts
 * dl.split(dl.arange(5), 2).map((p) => p.tolist()); // [[0, 1], [2, 3], [4]]
 * dl.split(dl.zeros([2, 5]), [1, 4], 1).map((p) => p.shape); // [[2, 1], [2, 4]]
 * ```
 */
export function split(input: Tensor, splitSizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  assertTensor(input, 'split');
  if (input.dim() === 0) throw new ShapeError('split: expected at least a 1-dimensional tensor');
  const d = input._normDim(dim, 'split');
  const n = input.shape[d];
  if (typeof splitSizeOrSections !== 'number') assertNumberList(splitSizeOrSections, 'split', 'splitSizeOrSections');
  if (typeof splitSizeOrSections === 'number') {
    const size = splitSizeOrSections;
    if (!Number.isInteger(size) || size < 0 || (size === 0 && n !== 0)) {
      throw new ValueError(`split: split size must be a positive integer (got ${size}) for dimension ${d} of size ${n}`);
    }
    if (n === 0) return [narrow(input, d, 0, 0)];
    const sizes: number[] = [];
    for (let s = 0; s < n; s += size) sizes.push(Math.min(size, n - s));
    return splitSizes(input, sizes, d);
  }
  const sizes = splitSizeOrSections;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 0) throw new ValueError(`split: split sizes must be non-negative integers (got ${fmtShape(sizes)})`);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== n) {
    throw new ShapeError(`split: split sizes ${fmtShape(sizes)} must sum exactly to ${n} (the size of dimension ${d} of shape ${fmtShape(input.shape)}), but sum to ${total}`);
  }
  return splitSizes(input, sizes, d);
}
