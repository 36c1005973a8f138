import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise hyperbolic sine (PyTorch's `torch.sinh`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.sinh(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function sinh(input: Tensor): Tensor {
  return kernelOp('Sinh', { x: floatInput(input, 'sinh') });
}
