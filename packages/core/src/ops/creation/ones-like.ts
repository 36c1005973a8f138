import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { CreationOptions } from './creation-options';
import { ones } from './ones';

/**
 * Ones with the shape of `input` and, unless `dtype` is given, its dtype (PyTorch's
 * `torch.ones_like`).
 *
 * @param options `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.onesLike(dl.zeros([2])).tolist(); // [1, 1]
 * ```
 */
export function onesLike(input: Tensor, options: CreationOptions = {}): Tensor {
  assertTensor(input, 'onesLike');
  return ones(input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
