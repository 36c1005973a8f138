import { softmin } from '../../ops/functional/softmin';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkDimArg, implicitDim } from './check-input';

/**
 * `softmax(-x)` along `dim` (PyTorch's `nn.Softmin`). Without `dim`, PyTorch's legacy choice
 * applies.
 *
 * @example
 * ```ts
 * const weights = new nn.Softmin(1).forward(distances);
 * ```
 */
export class Softmin extends Module {
  dim: number | null;

  constructor(dim: number | null = null) {
    super();
    checkDimArg('Softmin', dim, true);
    this.dim = dim;
  }

  override forward(input: Tensor): Tensor {
    return softmin(input, this.dim ?? implicitDim(input, 'Softmin'));
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}
