import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise logistic function `1 / (1 + e^-x)` (PyTorch's `torch.sigmoid`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.sigmoid(dl.tensor([0])).tolist(); // [0.5]
 * ```
 */
export function sigmoid(input: Tensor): Tensor {
  return kernelOp('Sigmoid', { x: floatInput(input, 'sigmoid') });
}
