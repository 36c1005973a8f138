import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { extremum } from './extremum';

/**
 * Elementwise maximum of two tensors with broadcasting (PyTorch's `torch.maximum`). NaN
 * propagates; on ties each side gets half the gradient, as in PyTorch.
 *
 * @example
 * ```ts
 * dl.maximum(dl.tensor([1, 5]), dl.tensor([3, 2])).tolist(); // [3, 5]
 * ```
 */
export function maximum(input: TensorLike, other: TensorLike): Tensor {
  return extremum('max', input, other);
}
