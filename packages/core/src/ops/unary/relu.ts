import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * Elementwise rectified linear unit `max(0, x)` (PyTorch's `torch.relu`); integer tensors stay
 * integer. The gradient at 0 is 0.
 *
 * @example
 * ```ts
 * dl.relu(dl.tensor([-1, 2])).tolist(); // [0, 2]
 * ```
 */
export function relu(input: Tensor): Tensor {
  return kernelOp('Relu', { x: numericInput(input, 'relu') });
}
