import { klDiv, type KlDivOptions } from '../../../ops/loss/kl-div';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The Kullback-Leibler divergence of `target` from log-probabilities `input`, as a module (PyTorch's `nn.KLDivLoss`); the options are those of `klDiv`.
 *
 * @example
 * ```ts
 * const loss = new nn.KLDivLoss({ reduction: 'batchmean' });
 * const l = loss.forward(logProbs, targetProbs);
 * ```
 */
export class KLDivLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: KlDivOptions;

  constructor(options: KlDivOptions = {}) {
    super();
    assertOptions(options, 'KLDivLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return klDiv(input, target, this.options);
  }
}
