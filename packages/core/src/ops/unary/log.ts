import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise natural logarithm (PyTorch's `torch.log`); NaN for negative inputs, -Infinity at 0. Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.log(dl.tensor([1, Math.E])).tolist(); // [0, 1]
 * ```
 */
export function log(input: Tensor): Tensor {
  return kernelOp('Log', { x: floatInput(input, 'log') });
}
