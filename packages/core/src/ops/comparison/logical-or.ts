import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { logical } from './logical';

/**
 * Elementwise logical test: true where either is true, treating non-zero values as true (PyTorch's
 * `torch.logical_or`), with broadcasting. The result is bool.
 *
 * @example
 * ```ts
 * dl.logicalOr(dl.tensor([true, false]), dl.tensor([false, false])).tolist(); // [true, false]
 * ```
 */
export function logicalOr(input: TensorLike, other: TensorLike): Tensor {
  return logical('LogicalOr', 'logicalOr', input, other, (a, b) => tf.logicalOr(a, b));
}
