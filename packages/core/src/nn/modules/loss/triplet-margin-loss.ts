import { tripletMarginLoss, type TripletMarginLossOptions } from '../../../ops/loss/triplet-margin-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The triplet loss `max(d(a, p) - d(a, n) + margin, 0)`, as a module (PyTorch's `nn.TripletMarginLoss`); the options are those of `tripletMarginLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.TripletMarginLoss({ margin: 1 });
 * const l = loss.forward(anchor, positive, negative);
 * ```
 */
export class TripletMarginLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: TripletMarginLossOptions;

  constructor(options: TripletMarginLossOptions = {}) {
    super();
    assertOptions(options, 'TripletMarginLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return tripletMarginLoss(anchor, positive, negative, this.options);
  }
}
