import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input >= other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.ge`, alias `greaterEqual`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.ge(dl.tensor([1, 2]), 2).tolist(); // [false, true]
 * ```
 */
export function ge(input: TensorLike, other: TensorLike): Tensor {
  return compare('GreaterEqual', 'ge', input, other);
}

/**
 * Alias of {@link ge} (PyTorch's `torch.greater_equal`).
 *
 * @example
 * ```ts
 * dl.greaterEqual(dl.tensor([1, 2]), 1);
 * ```
 */
export const greaterEqual = ge;
