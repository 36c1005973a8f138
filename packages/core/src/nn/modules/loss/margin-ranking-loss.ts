import { marginRankingLoss, type MarginRankingLossOptions } from '../../../ops/loss/margin-ranking-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * `max(0, -y (x1 - x2) + margin)` for ranking pairs, as a module (PyTorch's `nn.MarginRankingLoss`); the options are those of `marginRankingLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.MarginRankingLoss({ margin: 0.5 });
 * const l = loss.forward(x1, x2, y);
 * ```
 */
export class MarginRankingLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: MarginRankingLossOptions;

  constructor(options: MarginRankingLossOptions = {}) {
    super();
    assertOptions(options, 'MarginRankingLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return marginRankingLoss(input1, input2, target, this.options);
  }
}
