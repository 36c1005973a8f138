import { tf } from '../../backend/tfjs';
import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { logical } from './logical';

/**
 * Elementwise logical test: true where both are true, treating non-zero values as true (PyTorch's
 * `torch.logical_and`), with broadcasting. The result is bool.
 *
 * @example
 * ```ts
 * dl.logicalAnd(dl.tensor([true, true]), dl.tensor([true, false])).tolist(); // [true, false]
 * ```
 */
export function logicalAnd(input: TensorLike, other: TensorLike): Tensor {
  return logical('LogicalAnd', 'logicalAnd', input, other, (a, b) => tf.logicalAnd(a, b));
}
