import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { instanceNorm } from '../../ops/functional/instance-norm';
import { unsqueeze } from '../../ops/shape/unsqueeze';
import { squeeze } from '../../ops/shape/squeeze';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { pyBool, pyFloat } from './repr';
import { describeNumber } from '../../tensor/describe-arg';

/** Options of the InstanceNorm layers. */
export interface InstanceNormLayerOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
  /** Weight of the new statistic in the running update. @default 0.1 */
  momentum?: number;
  /** Learn a per-channel scale and shift. @default false */
  affine?: boolean;
  /** Keep running statistics and use them in evaluation. @default false */
  trackRunningStats?: boolean;
}

/** PyTorch's `_InstanceNorm`. */
export abstract class InstanceNormBase extends Module {
  numFeatures: number;
  eps: number;
  momentum: number;
  affine: boolean;
  trackRunningStats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(
    numFeatures: number,
    options: InstanceNormLayerOptions,
    private readonly spatial: number,
    layer: string,
  ) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures < 1) throw new ValueError(`${layer}: numFeatures must be a positive integer, got ${describeNumber(numFeatures)}`);
    this.numFeatures = numFeatures;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    this.affine = options.affine ?? false;
    this.trackRunningStats = options.trackRunningStats ?? false;
    this.weight = this.affine ? new Parameter(Tensor._owned(tf.ones([numFeatures]))) : null;
    this.bias = this.affine ? new Parameter(Tensor._owned(tf.zeros([numFeatures]))) : null;
    const track = this.trackRunningStats;
    this.registerBuffer('running_mean', track ? Tensor._owned(tf.zeros([numFeatures])) : null);
    this.registerBuffer('running_var', track ? Tensor._owned(tf.ones([numFeatures])) : null);
    this.registerBuffer('num_batches_tracked', track ? Tensor._owned(tf.scalar(0, 'int32')) : null);
  }

  override forward(input: Tensor): Tensor {
    const layer = this._getName();
    checkTensor(layer, input);
    const s = this.spatial;
    const unbatched = input.dim() === s + 1;
    if ((input.dim() !== s + 1 && input.dim() !== s + 2) || input.shape[unbatched ? 0 : 1] !== this.numFeatures) {
      const dims = s === 1 ? 'L' : s === 2 ? 'H, W' : 'D, H, W';
      throw new ShapeError(`${layer}: expected input of shape [N, ${this.numFeatures}, ${dims}] or [${this.numFeatures}, ${dims}], got input of shape [${input.shape.join(', ')}]`);
    }
    const x = unbatched ? unsqueeze(input, 0) : input;
    const y = instanceNorm(x, {
      runningMean: this.running_mean,
      runningVar: this.running_var,
      weight: this.weight,
      bias: this.bias,
      useInputStats: this.training || !this.trackRunningStats,
      momentum: this.momentum,
      eps: this.eps,
    });
    return unbatched ? squeeze(y, 0) : y;
  }

  override extraRepr(): string {
    return `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.trackRunningStats)}`;
  }
}
