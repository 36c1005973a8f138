import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `ExponentialLR`. */
export interface ExponentialLROptions extends LRSchedulerOptions {
  /** Multiplicative decay factor per epoch. */
  gamma: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every epoch (PyTorch's `ExponentialLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.ExponentialLR(opt, { gamma: 0.9 });
 * ```
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: ExponentialLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'ExponentialLR');
    this.gamma = options.gamma;
    this._initialStep();
  }

  protected getLr(): number[] {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === 0) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * this.gamma ** this.lastEpoch);
  }
}
