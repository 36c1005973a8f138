import type { Tensor } from '../../tensor/tensor';
import { dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

/**
 * Alpha dropout for self-normalising networks: dropped elements take SELU's negative saturation
 * value and an affine correction keeps zero mean and unit variance (PyTorch's
 * `F.alpha_dropout`).
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.alphaDropout(dl.randn([16, 64]), { p: 0.1 });
 * ```
 */
export function alphaDropout(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'alphaDropout');
  return dropoutCore('AlphaDropout', 'alphaDropout', input, options, null, true);
}
