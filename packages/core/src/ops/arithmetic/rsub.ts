import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { sub } from './sub';

/**
 * Reversed subtraction `other - alpha * input` (PyTorch's `torch.rsub`).
 *
 * @param alpha multiplier of `input`. @default 1
 * @example
 * ```ts
 * dl.rsub(dl.tensor([1, 2]), 10).tolist(); // [9, 8]
 * ```
 */
export function rsub(input: TensorLike, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  return sub(other, input, options);
}
