import { cosineEmbeddingLoss, type CosineEmbeddingLossOptions } from '../../../ops/loss/cosine-embedding-loss';
import type { Tensor } from '../../../tensor/tensor';
import { Module } from '../../module';
import { assertOptions } from '../../../ops/arg-checks';

/**
 * Pulls pairs with target 1 to cosine similarity 1 and pushes pairs with -1 below `margin`, as a module (PyTorch's `nn.CosineEmbeddingLoss`); the options are those of `cosineEmbeddingLoss`.
 *
 * @example
 * ```ts
 * const loss = new nn.CosineEmbeddingLoss();
 * const l = loss.forward(a, b, y);
 * ```
 */
export class CosineEmbeddingLoss extends Module {
  /** The loss options (weights excepted: see the buffers). */
  options: CosineEmbeddingLossOptions;

  constructor(options: CosineEmbeddingLossOptions = {}) {
    super();
    assertOptions(options, 'CosineEmbeddingLoss', "{ reduction: 'sum' }");
    this.options = { ...options };
  }

  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return cosineEmbeddingLoss(input1, input2, target, this.options);
  }
}
