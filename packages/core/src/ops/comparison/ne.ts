import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input != other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.ne`, alias `notEqual`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.ne(dl.tensor([1, 2]), 2).tolist(); // [true, false]
 * ```
 */
export function ne(input: TensorLike, other: TensorLike): Tensor {
  return compare('NotEqual', 'ne', input, other);
}

/**
 * Alias of {@link ne} (PyTorch's `torch.not_equal`).
 *
 * @example
 * ```ts
 * dl.notEqual(dl.tensor([1, 2]), 1);
 * ```
 */
export const notEqual = ne;
