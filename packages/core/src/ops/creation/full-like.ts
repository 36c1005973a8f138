import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { CreationOptions } from './creation-options';
import { full } from './full';

/**
 * `fillValue` with the shape of `input` and, unless `dtype` is given, its dtype (PyTorch's
 * `torch.full_like`).
 *
 * @param options `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.fullLike(dl.zeros([2]), 7).tolist(); // [7, 7]
 * ```
 */
export function fullLike(input: Tensor, fillValue: number | boolean, options: CreationOptions = {}): Tensor {
  assertTensor(input, 'fullLike');
  return full(input.shape, fillValue, { ...options, dtype: options.dtype ?? input.dtype });
}
