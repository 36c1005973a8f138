import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { BatchNormBase, type BatchNormLayerOptions } from './batch-norm-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Batch normalisation over (N, C, D, H, W) input: per channel of a volume batch (PyTorch's `nn.BatchNorm3d`). In training it normalises with the
 * batch statistics and updates `running_mean`, `running_var` and `num_batches_tracked`; in
 * evaluation it uses the running statistics.
 *
 * @param numFeatures the number of channels C.
 * @param options `eps` (@default 1e-5), `momentum` (@default 0.1; null for a cumulative
 *   average), `affine` (@default true), `trackRunningStats` (@default true).
 * @example
 * ```ts
 * const bn = new nn.BatchNorm3d(16);
 * model.eval(); // now the running statistics are used
 * ```
 */
export class BatchNorm3d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super(numFeatures, options, 'BatchNorm3d');
    assertOptions(options, 'BatchNorm3d', '{ eps: 1e-5, momentum: 0.1 }');
  }

  protected checkInputDim(input: Tensor): void {
    const ranks = [5];
    if (!ranks.includes(input.dim()) || input.shape[1] !== this.numFeatures) {
      throw new ShapeError(
        `BatchNorm3d: expected ${ranks.map((r) => `${r}D`).join(' or ')} input of shape ${'[N, C, D, H, W]'.replace(/C/g, String(this.numFeatures))}, got input of shape [${input.shape.join(', ')}]`,
      );
    }
  }
}
