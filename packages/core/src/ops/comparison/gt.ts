import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input > other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.gt`, alias `greater`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.gt(dl.tensor([1, 3]), 2).tolist(); // [false, true]
 * ```
 */
export function gt(input: TensorLike, other: TensorLike): Tensor {
  return compare('Greater', 'gt', input, other);
}

/**
 * Alias of {@link gt} (PyTorch's `torch.greater`).
 *
 * @example
 * ```ts
 * dl.greater(dl.tensor([1, 2]), 1);
 * ```
 */
export const greater = gt;
