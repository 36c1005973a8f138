import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise sine (PyTorch's `torch.sin`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.sin(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function sin(input: Tensor): Tensor {
  return kernelOp('Sin', { x: floatInput(input, 'sin') });
}
