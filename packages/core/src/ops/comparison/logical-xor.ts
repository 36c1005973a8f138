import type { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { tf } from '../../backend/tfjs';
import { logical } from './logical';

/**
 * Elementwise logical test: true where exactly one is true, treating non-zero values as true (PyTorch's
 * `torch.logical_xor`), with broadcasting. The result is bool.
 *
 * @example
 * ```ts
 * dl.logicalXor(dl.tensor([true, true]), dl.tensor([true, false])).tolist(); // [false, true]
 * ```
 */
export function logicalXor(input: TensorLike, other: TensorLike): Tensor {
  return logical('LogicalXor', 'logicalXor', input, other, (a, b) => tf.notEqual(a, b));
}
