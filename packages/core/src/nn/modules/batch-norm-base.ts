import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import { batchNorm } from '../../ops/functional/batch-norm';
import { Tensor } from '../../tensor/tensor';
import type { LoadErrors } from '../load-state-dict';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { pyBool, pyFloat } from './repr';
import { describeNumber } from '../../tensor/describe-arg';

/** Options of the BatchNorm layers. */
export interface BatchNormLayerOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
  /**
   * Weight of the batch statistic in the running update; `null` uses the cumulative average
   * `1 / numBatchesTracked`. @default 0.1
   */
  momentum?: number | null;
  /** Learn a per-channel scale (`weight`) and shift (`bias`). @default true */
  affine?: boolean;
  /** Keep running statistics for evaluation (else batch statistics are always used). @default true */
  trackRunningStats?: boolean;
}

/**
 * PyTorch's `_BatchNorm`: parameters `weight`, `bias`; buffers `running_mean`,
 * `running_var`, `num_batches_tracked` (PyTorch's names, so state dicts match).
 */
export abstract class BatchNormBase extends Module {
  numFeatures: number;
  eps: number;
  momentum: number | null;
  affine: boolean;
  trackRunningStats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(numFeatures: number, options: BatchNormLayerOptions, layer: string) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures < 1) throw new ValueError(`${layer}: numFeatures must be a positive integer, got ${describeNumber(numFeatures)}`);
    this.numFeatures = numFeatures;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    this.weight = this.affine ? new Parameter(Tensor._owned(tf.ones([numFeatures]))) : null;
    this.bias = this.affine ? new Parameter(Tensor._owned(tf.zeros([numFeatures]))) : null;
    if (this.trackRunningStats) {
      this.registerBuffer('running_mean', Tensor._owned(tf.zeros([numFeatures])));
      this.registerBuffer('running_var', Tensor._owned(tf.ones([numFeatures])));
      this.registerBuffer('num_batches_tracked', Tensor._owned(tf.scalar(0, 'int32')));
    } else {
      this.registerBuffer('running_mean', null);
      this.registerBuffer('running_var', null);
      this.registerBuffer('num_batches_tracked', null);
    }
  }

  /** The running mean (PyTorch's `running_mean` buffer), or null without running statistics. */
  get runningMean(): Tensor | null {
    return this.running_mean;
  }

  /** The running variance (PyTorch's `running_var` buffer). */
  get runningVar(): Tensor | null {
    return this.running_var;
  }

  /** The number of training batches seen (PyTorch's `num_batches_tracked` buffer). */
  get numBatchesTracked(): Tensor | null {
    return this.num_batches_tracked;
  }

  /** Resets the running statistics to mean 0, variance 1 and no batches. */
  resetRunningStats(): void {
    if (!this.trackRunningStats) return;
    this.running_mean!._replaceValue(tf.keep(tf.zeros([this.numFeatures])));
    this.running_var!._replaceValue(tf.keep(tf.ones([this.numFeatures])));
    this.num_batches_tracked!._replaceValue(tf.keep(tf.scalar(0, 'int32')));
  }

  /** Resets the running statistics and the affine parameters (weight 1, bias 0). */
  resetParameters(): void {
    this.resetRunningStats();
    if (this.weight) this.weight._replaceValue(tf.keep(tf.ones([this.numFeatures])));
    if (this.bias) this.bias._replaceValue(tf.keep(tf.zeros([this.numFeatures])));
  }

  /** Checks the input's rank and channels (a ShapeError naming the layer). */
  protected abstract checkInputDim(input: Tensor): void;

  override forward(input: Tensor): Tensor {
    checkTensor(this._getName(), input);
    this.checkInputDim(input);
    let factor = this.momentum ?? 0;
    if (this.training && this.trackRunningStats && this.num_batches_tracked) {
      const n = this.num_batches_tracked;
      n._replaceValue(tf.keep(tf.tidy(() => tf.add(n._value, tf.scalar(1, 'int32')))));
      factor = this.momentum === null ? 1 / n.item() : this.momentum;
    }
    const bnTraining = this.training || (this.running_mean === null && this.running_var === null);
    const useRunning = !this.training || this.trackRunningStats;
    return batchNorm(input, useRunning ? this.running_mean : null, useRunning ? this.running_var : null, this.weight, this.bias, {
      training: bnTraining,
      momentum: factor,
      eps: this.eps,
    });
  }

  /** @internal Old checkpoints lack `num_batches_tracked`: it is then not reported missing (PyTorch does the same). */
  override _loadFromStateDict(dict: Map<string, unknown>, prefix: string, missing: string[], errors: LoadErrors): void {
    const key = `${prefix}num_batches_tracked`;
    const before = missing.length;
    super._loadFromStateDict(dict, prefix, missing, errors);
    const i = missing.indexOf(key, before);
    if (i >= 0) missing.splice(i, 1);
  }

  override extraRepr(): string {
    const m = this.momentum === null ? 'None' : pyFloat(this.momentum);
    return `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${m}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.trackRunningStats)}`;
  }
}
