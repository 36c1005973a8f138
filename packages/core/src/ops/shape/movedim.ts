import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { permute } from './permute';
import { fmtShape } from './shape-utils';
import { assertTensor, dimList } from '../arg-checks';

/**
 * Moves dimension(s) `source` to position(s) `destination`; the other dimensions keep their
 * order.
 *
 * @example
 * ```ts
 * dl.movedim(dl.zeros([2, 3, 4]), 0, -1).shape; // [3, 4, 2]
 * dl.movedim(dl.zeros([2, 3, 4]), [0, 1], [2, 0]).shape; // [3, 4, 2]
 * ```
 */
export function movedim(input: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  assertTensor(input, 'movedim');
  const src = dimList(source, 'movedim', 'source').slice();
  const dst = dimList(destination, 'movedim', 'destination').slice();
  if (src.length !== dst.length) {
    throw new ShapeError(`movedim: invalid source or destination dims: source ${fmtShape(src)} and destination ${fmtShape(dst)} must have the same number of elements`);
  }
  const s = src.map((d) => input._normDim(d, 'movedim'));
  const t = dst.map((d) => input._normDim(d, 'movedim'));
  if (new Set(s).size !== s.length) throw new ValueError(`movedim: repeated dim in source ${fmtShape(src)}`);
  if (new Set(t).size !== t.length) throw new ValueError(`movedim: repeated dim in destination ${fmtShape(dst)}`);
  const n = input.dim();
  const perm = new Array<number>(n).fill(-1);
  s.forEach((d, i) => { perm[t[i]] = d; });
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !s.includes(i));
  let k = 0;
  for (let i = 0; i < n; i++) if (perm[i] === -1) perm[i] = rest[k++];
  return permute(input, perm);
}

/**
 * Alias of {@link movedim} (NumPy's name).
 *
 * @example
 * ```ts
 * dl.moveaxis(dl.zeros([2, 3]), 1, 0).shape; // [3, 2]
 * ```
 */
export function moveaxis(input: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  return movedim(input, source, destination);
}
