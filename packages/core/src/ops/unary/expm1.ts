import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `e^x - 1`, accurate near 0 (PyTorch's `torch.expm1`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.expm1(dl.tensor([1e-8])).item(); // 1e-8
 * ```
 */
export function expm1(input: Tensor): Tensor {
  return kernelOp('Expm1', { x: floatInput(input, 'expm1') });
}
