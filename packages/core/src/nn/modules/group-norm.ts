import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { groupNorm } from '../../ops/functional/group-norm';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { pyBool, pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `GroupNorm`. */
export interface GroupNormLayerOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
  /** Learn a per-channel scale and shift. @default true */
  affine?: boolean;
}

/**
 * Group normalisation (PyTorch's `nn.GroupNorm`): the channels of (N, C, *) input are split
 * into `numGroups` groups normalised per sample, then scaled and shifted per channel.
 *
 * @example
 * ```ts
 * const gn = new nn.GroupNorm(8, 64);
 * ```
 */
export class GroupNorm extends Module {
  numGroups: number;
  numChannels: number;
  eps: number;
  affine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(numGroups: number, numChannels: number, options: GroupNormLayerOptions = {}) {
    super();
    assertOptions(options, 'GroupNorm', '{ eps: 1e-5 }');
    if (!Number.isInteger(numGroups) || numGroups < 1 || !Number.isInteger(numChannels) || numChannels % numGroups !== 0) {
      throw new ValueError(`GroupNorm: num_channels must be divisible by num_groups (got numChannels ${numChannels}, numGroups ${numGroups})`);
    }
    this.numGroups = numGroups;
    this.numChannels = numChannels;
    this.eps = options.eps ?? 1e-5;
    this.affine = options.affine ?? true;
    this.weight = this.affine ? new Parameter(Tensor._owned(tf.ones([numChannels]))) : null;
    this.bias = this.affine ? new Parameter(Tensor._owned(tf.zeros([numChannels]))) : null;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('GroupNorm', input);
    if (input.dim() < 2 || input.shape[1] !== this.numChannels) {
      throw new ShapeError(`GroupNorm: expected input of shape [N, ${this.numChannels}, *], got input of shape [${input.shape.join(', ')}]`);
    }
    return groupNorm(input, this.numGroups, this.weight, this.bias, { eps: this.eps });
  }

  override extraRepr(): string {
    return `${this.numGroups}, ${this.numChannels}, eps=${pyFloat(this.eps)}, affine=${pyBool(this.affine)}`;
  }
}
