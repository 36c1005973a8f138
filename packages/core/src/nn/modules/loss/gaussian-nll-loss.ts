import { gaussianNllLoss, type GaussianNllLossOptions } from '../../../ops/loss/gaussian-nll-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The negative log likelihood of a target under a Gaussian with predicted mean and variance, as a module (PyTorch's `nn.GaussianNLLLoss`); the options are those of `gaussianNllLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.GaussianNLLLoss();
 * const l = loss.forward(mean, target, variance);
 * ```
 */
export class GaussianNLLLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: GaussianNllLossOptions;

  constructor(options: GaussianNllLossOptions = {}) {
    super();
    assertOptions(options, 'GaussianNLLLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor, variance: Tensor | number): Tensor {
    return gaussianNllLoss(input, target, variance, this.options);
  }
}
