import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from '../unary/unary-helpers';
import type { RandomOptions } from './creation-options';
import { rand } from './rand';

/**
 * Uniform [0, 1) random numbers with the shape of `input` (PyTorch's `torch.rand_like`); the
 * dtype (input's unless given) must be float.
 *
 * @param options `generator` (@default the default generator), `dtype` (@default input's), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.randLike(dl.zeros([2, 2])).shape; // [2, 2]
 * ```
 */
export function randLike(input: Tensor, options: RandomOptions = {}): Tensor {
  assertTensor(input, 'randLike');
  return rand(input.shape, { ...options, dtype: options.dtype ?? input.dtype });
}
