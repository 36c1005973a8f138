import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input == other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.eq`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.eq(dl.tensor([1, 2]), 2).tolist(); // [false, true]
 * ```
 */
export function eq(input: TensorLike, other: TensorLike): Tensor {
  return compare('Equal', 'eq', input, other);
}
