import { dropout3d } from '../../ops/functional/dropout3d';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Zeroes whole channels of (N, C, D, H, W) or (C, D, H, W) input with probability `p` (scaling the rest) in training mode (PyTorch's `nn.Dropout3d`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.Dropout3d(0.25);
 * drop.eval(); // identity from now on
 * ```
 */
export class Dropout3d extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'Dropout3d');
    assertOptions(options, 'Dropout3d', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return dropout3d(input, { p: this.p, training: this.training });
  }
}
