import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input <= other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.le`, alias `lessEqual`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.le(dl.tensor([1, 3]), 2).tolist(); // [true, false]
 * ```
 */
export function le(input: TensorLike, other: TensorLike): Tensor {
  return compare('LessEqual', 'le', input, other);
}

/**
 * Alias of {@link le} (PyTorch's `torch.less_equal`).
 *
 * @example
 * ```ts
 * dl.lessEqual(dl.tensor([1, 2]), 1);
 * ```
 */
export const lessEqual = le;
