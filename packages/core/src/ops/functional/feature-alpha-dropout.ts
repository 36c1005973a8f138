import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { channelMaskShape, dropoutCore, type DropoutOptions } from './dropout-core';
import { assertTensor } from '../arg-checks';

/**
 * Alpha dropout of whole channels of (N, C, *) input: each dropped channel takes SELU's negative
 * saturation value, with alpha dropout's affine correction (PyTorch's `F.feature_alpha_dropout`).
 *
 * @param options `p` (default 0.5), `training` (default true), `generator` (default the global one),
 *   `inplace` (default false).
 * @example
 * ```ts
 * const y = dl.featureAlphaDropout(dl.randn([8, 16, 10, 10]), { p: 0.2 });
 * ```
 */
export function featureAlphaDropout(input: Tensor, options: DropoutOptions = {}): Tensor {
  assertTensor(input, 'featureAlphaDropout');
  if (input.dim() < 2) {
    throw new ShapeError(`featureAlphaDropout: expected input with at least 2 dimensions (N, C, *), got shape [${input.shape.join(', ')}]`);
  }
  return dropoutCore('FeatureAlphaDropout', 'featureAlphaDropout', input, options, channelMaskShape(input.shape, true), true);
}
