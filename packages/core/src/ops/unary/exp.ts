import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `e^x` (PyTorch's `torch.exp`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.exp(dl.tensor([0, 1])).tolist(); // [1, 2.7183]
 * ```
 */
export function exp(input: Tensor): Tensor {
  return kernelOp('Exp', { x: floatInput(input, 'exp') });
}
