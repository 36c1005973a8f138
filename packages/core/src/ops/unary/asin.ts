import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise arcsine (PyTorch's `torch.asin`); NaN outside [-1, 1]. Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.asin(dl.tensor([1])).tolist(); // [1.5708]
 * ```
 */
export function asin(input: Tensor): Tensor {
  return kernelOp('Asin', { x: floatInput(input, 'asin') });
}
