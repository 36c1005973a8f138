import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { div } from './div';

/**
 * Elementwise division rounded down, Python's `//` (PyTorch's `torch.floor_divide`); integer
 * inputs stay integer.
 *
 * @example
 * ```ts
 * dl.floorDivide(dl.tensor([7, -7]), 2).tolist(); // [3, -4]
 * ```
 */
export function floorDivide(input: TensorLike, other: TensorLike): Tensor {
  return div(input, other, { roundingMode: 'floor' });
}
