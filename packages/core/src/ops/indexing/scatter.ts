import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { runScatter } from './scatter-run';

/** Options of {@link scatter}. */
export interface ScatterOptions {
  /** Combine with the input by `'add'` or `'multiply'` instead of overwriting it. */
  reduce?: 'add' | 'multiply';
}

/**
 * Writes `src` (a tensor, or one value) into a copy of `input` at `index` along `dim`:
 * `out[i][index[i][j]] = src[i][j]` for `dim = 1` (PyTorch's `torch.scatter`). Only the
 * `index.shape` corner of `src` is read. When an index repeats without `reduce`, which write
 * wins is unspecified, as in PyTorch.
 *
 * @example
 * ```ts
 * const idx = dl.tensor([[1], [0]], { dtype: 'int32' });
 * dl.scatter(dl.zeros([2, 3]), 1, idx, 5).tolist(); // [[0, 5, 0], [5, 0, 0]]
 * ```
 */
export function scatter(input: Tensor, dim: number, index: Tensor, src: Tensor | number, options: ScatterOptions = {}): Tensor {
  const reduce = options.reduce;
  if (reduce === undefined) return runScatter(input, dim, index, src, 'none', true, 'scatter', 'Scatter');
  if (reduce === 'add') return runScatter(input, dim, index, src, 'sum', true, 'scatter', 'Scatter');
  if (reduce === 'multiply') return runScatter(input, dim, index, src, 'prod', true, 'scatter', 'Scatter');
  throw new ValueError(`scatter: reduce argument must be either 'add' or 'multiply' (got '${String(reduce)}')`);
}

/**
 * Adds `src` into a copy of `input` at `index` along `dim`; repeated indices accumulate.
 *
 * @example
 * ```ts
 * const idx = dl.tensor([0, 1, 0], { dtype: 'int32' });
 * dl.scatterAdd(dl.zeros([2]), 0, idx, dl.tensor([1, 2, 3])).tolist(); // [4, 2]
 * ```
 */
export function scatterAdd(input: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  return runScatter(input, dim, index, src, 'sum', true, 'scatterAdd', 'ScatterAdd');
}
