import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise hyperbolic cosine (PyTorch's `torch.cosh`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.cosh(dl.tensor([0])).tolist(); // [1]
 * ```
 */
export function cosh(input: Tensor): Tensor {
  return kernelOp('Cosh', { x: floatInput(input, 'cosh') });
}
