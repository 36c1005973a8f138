import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { numericInput } from './unary-helpers';

/**
 * Elementwise sign: -1, 0 or 1 (PyTorch's `torch.sign`); integer tensors stay integer. Its
 * gradient is 0 everywhere.
 *
 * @example
 * ```ts
 * dl.sign(dl.tensor([-3, 0, 2])).tolist(); // [-1, 0, 1]
 * ```
 */
export function sign(input: Tensor): Tensor {
  return kernelOp('Sign', { x: numericInput(input, 'sign') });
}
