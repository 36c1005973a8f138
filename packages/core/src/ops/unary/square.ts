import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * Elementwise `x * x` (PyTorch's `torch.square`); integer tensors stay integer.
 *
 * @example
 * ```ts
 * dl.square(dl.tensor([-2, 3])).tolist(); // [4, 9]
 * ```
 */
export function square(input: Tensor): Tensor {
  return kernelOp('Square', { x: numericInput(input, 'square') });
}
