import { hingeEmbeddingLoss, type HingeEmbeddingLossOptions } from '../../../ops/loss/hinge-embedding-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * The hinge embedding loss for targets of 1 and -1, as a module (PyTorch's `nn.HingeEmbeddingLoss`); the options are those of `hingeEmbeddingLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.HingeEmbeddingLoss({ margin: 1 });
 * const l = loss.forward(distances, y);
 * ```
 */
export class HingeEmbeddingLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: HingeEmbeddingLossOptions;

  constructor(options: HingeEmbeddingLossOptions = {}) {
    super();
    assertOptions(options, 'HingeEmbeddingLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input: Tensor, target: Tensor): Tensor {
    return hingeEmbeddingLoss(input, target, this.options);
  }
}
