import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `1 / sqrt(x)` (PyTorch's `torch.rsqrt`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.rsqrt(dl.tensor([4])).tolist(); // [0.5]
 * ```
 */
export function rsqrt(input: Tensor): Tensor {
  return kernelOp('Rsqrt', { x: floatInput(input, 'rsqrt') });
}
