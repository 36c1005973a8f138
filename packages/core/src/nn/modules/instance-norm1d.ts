import { InstanceNormBase, type InstanceNormLayerOptions } from './instance-norm-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Instance normalisation over channels of (N, C, L) or (C, L) sequences: each sample's channels are normalised with their own
 * statistics (PyTorch's `nn.InstanceNorm1d`; no affine transform and no running statistics by default).
 *
 * @example
 * ```ts
 * const norm = new nn.InstanceNorm1d(32);
 * ```
 */
export class InstanceNorm1d extends InstanceNormBase {
  constructor(numFeatures: number, options: InstanceNormLayerOptions = {}) {
    super(numFeatures, options, 1, 'InstanceNorm1d');
    assertOptions(options, 'InstanceNorm1d', '{ affine: true }');
  }
}
