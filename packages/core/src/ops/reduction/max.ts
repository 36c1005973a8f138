import type { Tensor } from '../../tensor/tensor';
import { extremeDispatch, type ExtremeOptions } from './extreme';
import type { ValuesIndices } from './values-indices';

export type { ExtremeOptions } from './extreme';

/**
 * The largest value: of all elements (a 0-d tensor), along `dim` (`{ values, indices }`, like
 * `torch.return_types.max`), or elementwise against `other` (PyTorch's `torch.max(a, b)`).
 * All-element gradients are shared evenly between ties; along a dim they go to the index.
 *
 * @example
 * ```ts
 * const x = dl.tensor([[1, 5], [7, 2]]);
 * dl.max(x).item(); // 7
 * dl.max(x, 1).indices.tolist(); // [1, 0]
 * dl.max(x, { dim: 0, keepdim: true }).values.tolist(); // [[7, 5]]
 * ```
 */
export function max(input: Tensor): Tensor;
export function max(input: Tensor, dim: number, options?: { keepdim?: boolean }): ValuesIndices;
export function max(input: Tensor, options: ExtremeOptions): ValuesIndices;
export function max(input: Tensor, other: Tensor): Tensor;
export function max(input: Tensor, arg?: number | ExtremeOptions | Tensor, options: { keepdim?: boolean } = {}): Tensor | ValuesIndices {
  return extremeDispatch(input, arg, options, 'max');
}
