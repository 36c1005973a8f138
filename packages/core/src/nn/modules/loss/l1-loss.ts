import { l1Loss } from '../../../ops/loss/l1-loss';
import type { LossOptions } from '../../../ops/loss/regression-args';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The mean absolute error `|input - target|`, as a module (PyTorch's `nn.L1Loss`); the options are those of `l1Loss`.
 *
 * @example
 * ```ts
 * const loss = new nn.L1Loss();
 * const l = loss.forward(pred, target);
 * ```
 */
export class L1Loss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: LossOptions;

  constructor(options: LossOptions = {}) {
    super();
    assertOptions(options, 'L1Loss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, this.options);
  }
}
