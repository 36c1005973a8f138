import { mseLoss } from '../../../ops/loss/mse-loss';
import type { LossOptions } from '../../../ops/loss/regression-args';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The mean squared error `(input - target)²`, as a module (PyTorch's `nn.MSELoss`); the options are those of `mseLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.MSELoss({ reduction: 'sum' });
 * const l = loss.forward(pred, target);
 * ```
 */
export class MSELoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: LossOptions;

  constructor(options: LossOptions = {}) {
    super();
    assertOptions(options, 'MSELoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, this.options);
  }
}
