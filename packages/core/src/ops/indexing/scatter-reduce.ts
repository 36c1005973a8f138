import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { runScatter } from './scatter-run';

/** The reductions of {@link scatterReduce}. */
export type ScatterReduction = 'sum' | 'prod' | 'mean' | 'amax' | 'amin';

/** Options of {@link scatterReduce}. */
export interface ScatterReduceOptions {
  /** Include the input's own values in the reduction. @default true */
  includeSelf?: boolean;
}

const MODES: readonly ScatterReduction[] = ['sum', 'prod', 'mean', 'amax', 'amin'];

/**
 * Reduces `src` into a copy of `input` at `index` along `dim` (PyTorch's
 * `torch.scatter_reduce`); positions no index points at keep the input's value. Gradients
 * follow PyTorch: `amax`/`amin` share between ties, `prod` is exact with zeros. `prod`, `amax`
 * and `amin` use a dense layout of `index.numel() * input.size(dim)` elements.
 *
 * @example
 * ```ts
 * const idx = dl.tensor([0, 1, 0, 1], { dtype: 'int32' });
 * dl.scatterReduce(dl.zeros([2]), 0, idx, dl.tensor([1, 5, 3, 2]), 'amax', { includeSelf: false }).tolist(); // [3, 5]
 * ```
 */
export function scatterReduce(input: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduction, options: ScatterReduceOptions = {}): Tensor {
  if (!MODES.includes(reduce)) throw new ValueError(`scatterReduce: reduce argument must be one of sum, prod, mean, amax, amin (got '${String(reduce)}')`);
  return runScatter(input, dim, index, src, reduce, options.includeSelf ?? true, 'scatterReduce', 'ScatterReduce');
}
