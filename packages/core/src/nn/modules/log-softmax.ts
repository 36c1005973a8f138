import { logSoftmax } from '../../ops/functional/log-softmax';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkDimArg, implicitDim } from './check-input';

/**
 * `log(softmax(x))` along `dim`, computed stably (PyTorch's `nn.LogSoftmax`); pairs with
 * `NLLLoss`. Without `dim`, PyTorch's legacy choice applies.
 *
 * @example
 * ```ts
 * const logProbs = new nn.LogSoftmax(1).forward(logits);
 * ```
 */
export class LogSoftmax extends Module {
  dim: number | null;

  constructor(dim: number | null = null) {
    super();
    checkDimArg('LogSoftmax', dim, true);
    this.dim = dim;
  }

  override forward(input: Tensor): Tensor {
    return logSoftmax(input, this.dim ?? implicitDim(input, 'LogSoftmax'));
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}
