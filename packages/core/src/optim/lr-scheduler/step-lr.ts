import { ValueError } from '../../errors/value-error';
import { checkInt } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `StepLR`. */
export interface StepLROptions extends LRSchedulerOptions {
  /** Epochs between decays. */
  stepSize: number;
  /** Multiplicative decay factor. @default 0.1 */
  gamma?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every `stepSize` epochs (PyTorch's `StepLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.StepLR(opt, { stepSize: 30, gamma: 0.1 }); // 0.1 -> 0.01 at epoch 30
 * ```
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: StepLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'StepLR');
    checkInt('StepLR', 'stepSize', options.stepSize, 1);
    if (options.gamma !== undefined && typeof options.gamma !== 'number') throw new ValueError(`StepLR: gamma must be a number, got ${String(options.gamma)}`);
    this.stepSize = options.stepSize;
    this.gamma = options.gamma ?? 0.1;
    this._initialStep();
  }

  protected getLr(): number[] {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }
}
