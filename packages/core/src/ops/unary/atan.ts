import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise arctangent (PyTorch's `torch.atan`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.atan(dl.tensor([1])).tolist(); // [0.7854]
 * ```
 */
export function atan(input: Tensor): Tensor {
  return kernelOp('Atan', { x: floatInput(input, 'atan') });
}
