import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { CreationOptions } from './creation-options';
import { zeros } from './zeros';

/**
 * A tensor with the shape and (unless `dtype` is given) dtype of `input` (PyTorch's
 * `torch.empty_like`); its values are zeros, see {@link empty}.
 *
 * @param options `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * const buf = dl.emptyLike(x);
 * ```
 */
export function emptyLike(input: Tensor, options: CreationOptions = {}): Tensor {
  assertTensor(input, 'emptyLike');
  return zeros(input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
