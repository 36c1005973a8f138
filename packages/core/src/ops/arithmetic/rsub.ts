import type { Tensor } from '../../tensor/tensor';
import { assertOperand } from '../arg-checks';
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
  assertOperand(input, 'rsub', 'input');
  assertOperand(other, 'rsub', 'other');
  return sub(other, input, options);
}
