import { dropout2d } from '../../ops/functional/dropout2d';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Zeroes whole channels (feature maps) of (N, C, H, W) or (C, H, W) input with probability `p` (scaling the rest) in training mode (PyTorch's `nn.Dropout2d`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.Dropout2d(0.25);
 * drop.eval(); // identity from now on
 * ```
 */
export class Dropout2d extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'Dropout2d');
    assertOptions(options, 'Dropout2d', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return dropout2d(input, { p: this.p, training: this.training });
  }
}
