import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { BatchNormBase, type BatchNormLayerOptions } from './batch-norm-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Batch normalisation over (N, C) or (N, C, L) input: features of a fully connected layer or channels of a sequence (PyTorch's `nn.BatchNorm1d`). In training it normalises with the
 * batch statistics and updates `running_mean`, `running_var` and `num_batches_tracked`; in
 * evaluation it uses the running statistics.
 *
 * @param numFeatures the number of channels C.
 * @param options `eps` (@default 1e-5), `momentum` (@default 0.1; null for a cumulative
 *   average), `affine` (@default true), `trackRunningStats` (@default true).
 * @example
 * ```ts
 * const bn = new nn.BatchNorm1d(100);
 * model.eval(); // now the running statistics are used
 * ```
 */
export class BatchNorm1d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super(numFeatures, options, 'BatchNorm1d');
    assertOptions(options, 'BatchNorm1d', '{ eps: 1e-5, momentum: 0.1 }');
  }

  protected checkInputDim(input: Tensor): void {
    const ranks = [2, 3];
    if (!ranks.includes(input.dim()) || input.shape[1] !== this.numFeatures) {
      throw new ShapeError(
        `BatchNorm1d: expected ${ranks.map((r) => `${r}D`).join(' or ')} input of shape ${'[N, C] or [N, C, L]'.replace(/C/g, String(this.numFeatures))}, got input of shape [${input.shape.join(', ')}]`,
      );
    }
  }
}
