import { softmax } from '../../ops/functional/softmax';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkDimArg, implicitDim } from './check-input';

/**
 * Softmax along `dim`: non-negative values summing to 1 (PyTorch's `nn.Softmax`). Without
 * `dim`, PyTorch's legacy choice applies (dim 0 for 0-, 1- and 3-D input, else 1).
 *
 * @example
 * ```ts
 * const probs = new nn.Softmax(1).forward(logits);
 * ```
 */
export class Softmax extends Module {
  dim: number | null;

  constructor(dim: number | null = null) {
    super();
    checkDimArg('Softmax', dim, true);
    this.dim = dim;
  }

  override forward(input: Tensor): Tensor {
    return softmax(input, this.dim ?? implicitDim(input, 'Softmax'));
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}
