import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { compare } from './compare';

/**
 * Elementwise `input < other` with broadcasting and type promotion, as a bool tensor (PyTorch's
 * `torch.lt`, alias `less`). Either side may be a number.
 *
 * @example
 * ```ts
 * dl.lt(dl.tensor([1, 2]), 2).tolist(); // [true, false]
 * ```
 */
export function lt(input: TensorLike, other: TensorLike): Tensor {
  return compare('Less', 'lt', input, other);
}

/**
 * Alias of {@link lt} (PyTorch's `torch.less`).
 *
 * @example
 * ```ts
 * dl.less(dl.tensor([1, 2]), 1);
 * ```
 */
export const less = lt;
