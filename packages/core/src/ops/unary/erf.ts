import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise Gauss error function (PyTorch's `torch.erf`). Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.erf(dl.tensor([0])).tolist(); // [0]
 * ```
 */
export function erf(input: Tensor): Tensor {
  return kernelOp('Erf', { x: floatInput(input, 'erf') });
}
