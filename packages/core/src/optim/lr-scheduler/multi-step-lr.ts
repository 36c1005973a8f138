import { ValueError } from '../../errors/value-error';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `MultiStepLR`. */
export interface MultiStepLROptions extends LRSchedulerOptions {
  /** Epoch indices at which to decay (a repeated milestone decays that many times). */
  milestones: number[];
  /** Multiplicative decay factor. @default 0.1 */
  gamma?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` at every milestone epoch (PyTorch's
 * `MultiStepLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.MultiStepLR(opt, { milestones: [30, 80], gamma: 0.1 });
 * ```
 */
export class MultiStepLR extends LRScheduler {
  /** Sorted milestones, repeats kept. */
  milestones: number[];
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: MultiStepLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'MultiStepLR');
    if (!Array.isArray(options.milestones) || !options.milestones.every((m) => Number.isInteger(m))) {
      throw new ValueError(`MultiStepLR: milestones must be an array of integers, got ${String(options.milestones)}`);
    }
    this.milestones = options.milestones.slice().sort((a, b) => a - b);
    this.gamma = options.gamma ?? 0.1;
    this._initialStep();
  }

  protected getLr(): number[] {
    const times = this.milestones.filter((m) => m === this.lastEpoch).length;
    return this.optimizer.paramGroups.map((g) => (times === 0 ? g.lr : g.lr * this.gamma ** times));
  }

  protected override closedFormLr(): number[] {
    const passed = this.milestones.filter((m) => m <= this.lastEpoch).length;
    return this.baseLrs.map((b) => b * this.gamma ** passed);
  }
}
