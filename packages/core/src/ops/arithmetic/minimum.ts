import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { extremum } from './extremum';

/**
 * Elementwise minimum of two tensors with broadcasting (PyTorch's `torch.minimum`). NaN
 * propagates; on ties each side gets half the gradient, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.minimum(dl.tensor([1, 5]), dl.tensor([3, 2])).tolist(); // [1, 2]
 * ```
 */
export function minimum(input: TensorLike, other: TensorLike): Tensor {
  return extremum('min', input, other);
}
