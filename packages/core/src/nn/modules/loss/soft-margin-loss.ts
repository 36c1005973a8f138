import { softMarginLoss, type SoftMarginLossOptions } from '../../../ops/loss/soft-margin-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The two-class logistic loss `log(1 + exp(-y x))`, as a module (PyTorch's `nn.SoftMarginLoss`); the options are those of `softMarginLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.SoftMarginLoss();
 * const l = loss.forward(scores, y);
 * ```
 */
export class SoftMarginLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: SoftMarginLossOptions;

  constructor(options: SoftMarginLossOptions = {}) {
    super();
    assertOptions(options, 'SoftMarginLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return softMarginLoss(input, target, this.options);
  }
}
