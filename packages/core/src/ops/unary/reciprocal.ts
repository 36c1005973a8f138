import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `1 / x` (PyTorch's `torch.reciprocal`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.reciprocal(dl.tensor([2, 4])).tolist(); // [0.5, 0.25]
 * ```
 */
export function reciprocal(input: Tensor): Tensor {
  return kernelOp('Reciprocal', { x: floatInput(input, 'reciprocal') });
}
