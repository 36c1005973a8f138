import { nllLoss, type NllLossOptions } from '../../../ops/loss/nll-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { checkTensor } from '../check-input';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The negative log likelihood of log-probabilities `[N, C, *]` at class indices, as a module (PyTorch's `nn.NLLLoss`); the options are those of `nllLoss`.
 * Weight tensors are buffers (`weight`), so they are part of `stateDict()` as in PyTorch.
 *
 * @example
 * ```ts
 * const loss = new nn.NLLLoss({ ignoreIndex: 0 });
 * const l = loss.forward(logProbs, labels);
 * ```
 */
export class NLLLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: Omit<NllLossOptions, 'weight'>;
  declare weight: Tensor | null;

  constructor(options: NllLossOptions = {}) {
    super();
    assertOptions(options, 'NLLLoss', "{ reduction: 'sum' }");
    const { weight, ...rest } = options;
    if (weight !== null && weight !== undefined) checkTensor('NLLLoss', weight, 'weight');
    this.registerBuffer('weight', weight ?? null);
    this.options = rest;
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, { ...this.options, weight: this.weight });
  }
}
