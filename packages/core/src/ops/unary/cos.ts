import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise cosine (PyTorch's `torch.cos`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.cos(dl.tensor([0])).tolist(); // [1]
 * ```
 */
export function cos(input: Tensor): Tensor {
  return kernelOp('Cos', { x: floatInput(input, 'cos') });
}
