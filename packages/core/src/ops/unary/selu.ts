import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise SELU, `scale * (max(0, x) + min(0, alpha * (e^x - 1)))` with PyTorch's constants (`torch.selu`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.selu(dl.tensor([1])).tolist(); // [1.0507]
 * ```
 */
export function selu(input: Tensor): Tensor {
  return kernelOp('Selu', { x: floatInput(input, 'selu') });
}
