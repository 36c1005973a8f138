import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../arg-checks';

/**
 * Returns `input` itself: TensorFlow.js values have no strides, so every @dl tensor is already
 * contiguous (PyTorch's `Tensor.contiguous` returns `self` in that case too).
 *
 * @example
 * ```ts
 * const y = x.transpose(0, 1).contiguous(); // same tensor as x.transpose(0, 1)
 * ```
 */
export function contiguous(input: Tensor): Tensor {
  assertTensor(input, 'contiguous');
  return input;
}
