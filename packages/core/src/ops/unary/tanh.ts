import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise hyperbolic tangent (PyTorch's `torch.tanh`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.tanh(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function tanh(input: Tensor): Tensor {
  return kernelOp('Tanh', { x: floatInput(input, 'tanh') });
}
