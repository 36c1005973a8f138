import { featureAlphaDropout } from '../../ops/functional/feature-alpha-dropout';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Alpha dropout of whole channels, for SELU networks, in training mode (PyTorch's `nn.FeatureAlphaDropout`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.FeatureAlphaDropout(0.1);
 * drop.eval(); // identity from now on
 * ```
 */
export class FeatureAlphaDropout extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'FeatureAlphaDropout');
    assertOptions(options, 'FeatureAlphaDropout', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return featureAlphaDropout(input, { p: this.p, training: this.training });
  }
}
