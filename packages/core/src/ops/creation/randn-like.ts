import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { RandomOptions } from './creation-options';
import { randn } from './randn';

/**
 * Standard normal random numbers with the shape of `input` (PyTorch's `torch.randn_like`); the
 * dtype (input's unless given) must be float.
 *
 * @param options `generator` (@default the default generator), `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.randnLike(dl.zeros([3])).shape; // [3]
 * ```
 */
export function randnLike(input: Tensor, options: RandomOptions = {}): Tensor {
  assertTensor(input, 'randnLike');
  return randn(input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
