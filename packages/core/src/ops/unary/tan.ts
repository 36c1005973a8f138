import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise tangent (PyTorch's `torch.tan`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.tan(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function tan(input: Tensor): Tensor {
  return kernelOp('Tan', { x: floatInput(input, 'tan') });
}
