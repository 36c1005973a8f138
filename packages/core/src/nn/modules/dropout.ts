import { dropout } from '../../ops/functional/dropout';
import type { Tensor } from '../../tensor/tensor';
import { DropoutBase, type DropoutLayerOptions } from './dropout-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Zeroes each element with probability `p` and scales the rest by `1 / (1 - p)` in training mode (PyTorch's `nn.Dropout`); in evaluation mode it returns the input unchanged. The mask
 * is drawn from the default generator (`manualSeed`).
 *
 * @param p probability of zeroing. @default 0.5
 * @example
 * ```ts
 * const drop = new nn.Dropout(0.2);
 * drop.eval(); // identity from now on
 * ```
 */
export class Dropout extends DropoutBase {
  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super(p, options, 'Dropout');
    assertOptions(options, 'Dropout', '{ inplace: true }');
  }

  override forward(input: Tensor): Tensor {
    return dropout(input, { p: this.p, training: this.training });
  }
}
