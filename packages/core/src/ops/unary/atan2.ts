import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { binaryOperands, type TensorLike } from '../operands';

/**
 * Elementwise angle of the point `(other, input)`, `atan(input / other)` in the right quadrant
 * (PyTorch's `torch.atan2`), with broadcasting. Results are float32.
 *
 * @example
 * ```ts
 * dl.atan2(dl.tensor([1]), dl.tensor([-1])).tolist(); // [2.3562]
 * ```
 */
export function atan2(input: TensorLike, other: TensorLike): Tensor {
  const [a, b] = binaryOperands(input, other, 'atan2', 'float32');
  return kernelOp('Atan2', { a, b });
}
