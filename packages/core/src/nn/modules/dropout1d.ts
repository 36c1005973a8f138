import { dropout1d } from '../../ops/functional/dropout1d';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Zeroes whole channels of (N, C, L) or (C, L) input with probability `p` (scaling the rest) in training mode (PyTorch's `nn.Dropout1d`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.Dropout1d(0.1);
 * drop.eval(); // identity from now on
 * ```
 */
export class Dropout1d extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'Dropout1d');
    assertOptions(options, 'Dropout1d', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return dropout1d(input, { p: this.p, training: this.training });
  }
}
