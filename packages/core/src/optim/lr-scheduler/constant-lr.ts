import { ValueError } from '../../errors/value-error';
import { checkInt } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `ConstantLR`. */
export interface ConstantLROptions extends LRSchedulerOptions {
  /** The factor applied until `totalIters`, in [0, 1]. @default 1/3 */
  factor?: number;
  /** Epochs the factor applies for. @default 5 */
  totalIters?: number;
}

/**
 * Scales each group's learning rate by a constant `factor` for the first `totalIters` epochs,
 * then restores it (PyTorch's `ConstantLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.ConstantLR(opt, { factor: 0.5, totalIters: 4 });
 * ```
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;

  constructor(optimizer: SchedulableOptimizer, options: ConstantLROptions = {}) {
    super(optimizer, options.lastEpoch ?? -1, 'ConstantLR');
    const factor = options.factor ?? 1 / 3;
    if (!(factor >= 0 && factor <= 1)) throw new ValueError(`ConstantLR: Constant multiplicative factor expected to be between 0 and 1, got ${factor}`);
    const total = options.totalIters ?? 5;
    checkInt('ConstantLR', 'totalIters', total, 0);
    this.factor = factor;
    this.totalIters = total;
    this._initialStep();
  }

  protected getLr(): number[] {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === 0) return groups.map((g) => g.lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * (1 / this.factor));
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * (this.factor + (this.lastEpoch >= this.totalIters ? 1 - this.factor : 0)));
  }
}
