import { poissonNllLoss, type PoissonNllLossOptions } from '../../../ops/loss/poisson-nll-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The negative log likelihood of a Poisson-distributed target, as a module (PyTorch's `nn.PoissonNLLLoss`); the options are those of `poissonNllLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.PoissonNLLLoss({ logInput: true });
 * const l = loss.forward(logRates, counts);
 * ```
 */
export class PoissonNLLLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: PoissonNllLossOptions;

  constructor(options: PoissonNllLossOptions = {}) {
    super();
    assertOptions(options, 'PoissonNLLLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return poissonNllLoss(input, target, this.options);
  }
}
