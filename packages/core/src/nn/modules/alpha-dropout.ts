import { alphaDropout } from '../../ops/functional/alpha-dropout';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Dropout that keeps the mean and variance of self-normalising (SELU) activations, in training mode (PyTorch's `nn.AlphaDropout`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.AlphaDropout(0.1);
 * drop.eval(); // identity from now on
 * ```
 */
export class AlphaDropout extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'AlphaDropout');
    assertOptions(options, 'AlphaDropout', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return alphaDropout(input, { p: this.p, training: this.training });
  }
}
