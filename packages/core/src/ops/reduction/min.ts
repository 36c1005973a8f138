import type { Tensor } from '../../tensor/tensor';
import { extremeDispatch, type ExtremeOptions } from './extreme';
import type { ValuesIndices } from './values-indices';

/**
 * The smallest value: of all elements (a 0-d tensor), along `dim` (`{ values, indices }`), or
 * elementwise against `other` (PyTorch's `torch.min(a, b)`).
 *
 * @example
 * ```ts
 * const x = dl.tensor([[1, 5], [7, 2]]);
 * dl.min(x).item(); // 1
 * dl.min(x, 0).values.tolist(); // [1, 2]
 * ```
 */
export function min(input: Tensor): Tensor;
export function min(input: Tensor, dim: number, options?: { keepdim?: boolean }): ValuesIndices;
export function min(input: Tensor, options: ExtremeOptions): ValuesIndices;
export function min(input: Tensor, other: Tensor): Tensor;
export function min(input: Tensor, arg?: number | ExtremeOptions | Tensor, options: { keepdim?: boolean } = {}): Tensor | ValuesIndices {
  return extremeDispatch(input, arg, options, 'min');
}
