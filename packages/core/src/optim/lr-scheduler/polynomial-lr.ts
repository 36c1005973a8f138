import { checkInt } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `PolynomialLR`. */
export interface PolynomialLROptions extends LRSchedulerOptions {
  /** Epochs over which the rate decays to zero. @default 5 */
  totalIters?: number;
  /** The power of the polynomial. @default 1 */
  power?: number;
}

/**
 * Decays each group's learning rate as `(1 - epoch / totalIters) ** power` down to zero at
 * `totalIters` (PyTorch's `PolynomialLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.PolynomialLR(opt, { totalIters: 100, power: 2 });
 * ```
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;

  constructor(optimizer: SchedulableOptimizer, options: PolynomialLROptions = {}) {
    super(optimizer, options.lastEpoch ?? -1, 'PolynomialLR');
    const total = options.totalIters ?? 5;
    checkInt('PolynomialLR', 'totalIters', total, 1);
    this.totalIters = total;
    this.power = options.power ?? 1;
    this._initialStep();
  }

  protected getLr(): number[] {
    const { lastEpoch: e, totalIters: n, power } = this;
    const groups = this.optimizer.paramGroups;
    if (e === 0 || e > n) return groups.map((g) => g.lr);
    const factor = ((1 - e / n) / (1 - (e - 1) / n)) ** power;
    return groups.map((g) => g.lr * factor);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * (1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters) ** this.power);
  }
}
