import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { CreationOptions } from './creation-options';
import { zeros } from './zeros';

/**
 * Zeros with the shape of `input` and, unless `dtype` is given, its dtype (PyTorch's
 * `torch.zeros_like`).
 *
 * @param options `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.zerosLike(dl.ones([2, 3])).shape; // [2, 3]
 * ```
 */
export function zerosLike(input: Tensor, options: CreationOptions = {}): Tensor {
  assertTensor(input, 'zerosLike');
  return zeros(input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
