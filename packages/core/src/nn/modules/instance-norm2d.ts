import { InstanceNormBase, type InstanceNormLayerOptions } from './instance-norm-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Instance normalisation over channels of (N, C, H, W) or (C, H, W) images (style transfer): each sample's channels are normalised with their own
 * statistics (PyTorch's `nn.InstanceNorm2d`; no affine transform and no running statistics by default).
 *
 * @example
 * ```ts
 * const norm = new nn.InstanceNorm2d(64, { affine: true });
 * ```
 */
export class InstanceNorm2d extends InstanceNormBase {
  constructor(numFeatures: number, options: InstanceNormLayerOptions = {}) {
    super(numFeatures, options, 2, 'InstanceNorm2d');
    assertOptions(options, 'InstanceNorm2d', '{ affine: true }');
  }
}
