import { huberLoss, type HuberLossOptions } from '../../../ops/loss/huber-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The Huber loss: quadratic below `delta`, linear above, as a module (PyTorch's `nn.HuberLoss`); the options are those of `huberLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.HuberLoss({ delta: 2 });
 * const l = loss.forward(pred, target);
 * ```
 */
export class HuberLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: HuberLossOptions;

  constructor(options: HuberLossOptions = {}) {
    super();
    assertOptions(options, 'HuberLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, this.options);
  }
}
