import { kernelOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';

/**
 * Elementwise square root (PyTorch's `torch.sqrt`); NaN for negative inputs. Integer and bool inputs are promoted to float32.
 *
 * @example
 * ```ts
 * dl.sqrt(dl.tensor([4, 9])).tolist(); // [2, 3]
 * ```
 */
export function sqrt(input: Tensor): Tensor {
  return kernelOp('Sqrt', { x: floatInput(input, 'sqrt') });
}
