import type { Tensor } from '../../tensor/tensor';
import { evenExtreme } from './extreme';
import { reduceArgs, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/**
 * The largest values over one or more dimensions (all when omitted); the gradient is shared
 * evenly between tied elements, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.amax(dl.tensor([[1, 5], [7, 2]]), 0).tolist(); // [7, 5]
 * ```
 */
export function amax(input: Tensor, options?: ReduceOptions): Tensor;
export function amax(input: Tensor, dim: Dims, options?: { keepdim?: boolean }): Tensor;
export function amax(input: Tensor, dimOrOptions?: Dims | ReduceOptions, maybe?: { keepdim?: boolean }): Tensor {
  assertTensor(input, 'amax');
  const o = reduceArgs<ReduceOptions>(dimOrOptions, maybe, 'amax');
  return evenExtreme(input, o.dim, o.keepdim ?? false, 'max', 'amax');
}

/**
 * The smallest values over one or more dimensions (all when omitted); the gradient is shared
 * evenly between tied elements.
 *
 * @example
 * ```ts
 * dl.amin(dl.tensor([[1, 5], [7, 2]]), 1).tolist(); // [1, 2]
 * ```
 */
export function amin(input: Tensor, options?: ReduceOptions): Tensor;
export function amin(input: Tensor, dim: Dims, options?: { keepdim?: boolean }): Tensor;
export function amin(input: Tensor, dimOrOptions?: Dims | ReduceOptions, maybe?: { keepdim?: boolean }): Tensor {
  assertTensor(input, 'amin');
  const o = reduceArgs<ReduceOptions>(dimOrOptions, maybe, 'amin');
  return evenExtreme(input, o.dim, o.keepdim ?? false, 'min', 'amin');
}
