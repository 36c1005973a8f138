import { smoothL1Loss, type SmoothL1LossOptions } from '../../../ops/loss/smooth-l1-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The smooth L1 loss: quadratic below `beta`, linear above, as a module (PyTorch's `nn.SmoothL1Loss`); the options are those of `smoothL1Loss`.
 *
 * @example
 * ```ts
 * const loss = new nn.SmoothL1Loss({ beta: 0.5 });
 * const l = loss.forward(pred, target);
 * ```
 */
export class SmoothL1Loss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: SmoothL1LossOptions;

  constructor(options: SmoothL1LossOptions = {}) {
    super();
    assertOptions(options, 'SmoothL1Loss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, this.options);
  }
}
