import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise arccosine (PyTorch's `torch.acos`); NaN outside [-1, 1]. Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.acos(dl.tensor([1])).tolist(); // [0]
 * ```
 */
export function acos(input: Tensor): Tensor {
  return kernelOp('Acos', { x: floatInput(input, 'acos') });
}
