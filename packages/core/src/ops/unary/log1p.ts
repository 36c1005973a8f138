import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise `log(1 + x)`, accurate near 0 (PyTorch's `torch.log1p`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.log1p(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function log1p(input: Tensor): Tensor {
  return kernelOp('Log1p', { x: floatInput(input, 'log1p') });
}
