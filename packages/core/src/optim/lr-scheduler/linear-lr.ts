import { ValueError } from '../../errors/value-error';
import { checkInt } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `LinearLR`. */
export interface LinearLROptions extends LRSchedulerOptions {
  /** The factor applied at the first epoch, in (0, 1]. @default 1/3 */
  startFactor?: number;
  /** The factor reached after `totalIters` epochs, in [0, 1]. @default 1 */
  endFactor?: number;
  /** Epochs over which the factor moves linearly. @default 5 */
  totalIters?: number;
}

/**
 * Scales each group's learning rate by a factor moving linearly from `startFactor` to
 * `endFactor` over `totalIters` epochs, a common warm-up (PyTorch's `LinearLR`).
 *
 * @example
 * ```ts
 * const warmup = new optim.lrScheduler.LinearLR(opt, { startFactor: 0.1, totalIters: 5 });
 * ```
 */
export class LinearLR extends LRScheduler {
  startFactor: number;
  endFactor: number;
  totalIters: number;

  constructor(optimizer: SchedulableOptimizer, options: LinearLROptions = {}) {
    super(optimizer, options.lastEpoch ?? -1, 'LinearLR');
    const start = options.startFactor ?? 1 / 3;
    const end = options.endFactor ?? 1;
    if (!(start > 0 && start <= 1)) throw new ValueError(`LinearLR: Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got ${start}`);
    if (!(end >= 0 && end <= 1)) throw new ValueError(`LinearLR: Ending multiplicative factor expected to be between 0 and 1, got ${end}`);
    const total = options.totalIters ?? 5;
    checkInt('LinearLR', 'totalIters', total, 1);
    this.startFactor = start;
    this.endFactor = end;
    this.totalIters = total;
    this._initialStep();
  }

  protected getLr(): number[] {
    const { lastEpoch: e, startFactor: s, endFactor: f, totalIters: n } = this;
    const groups = this.optimizer.paramGroups;
    if (e === 0) return groups.map((g) => g.lr * s);
    if (e > n) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * (1 + (f - s) / (n * s + (e - 1) * (f - s))));
  }

  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: f, totalIters: n } = this;
    return this.baseLrs.map((b) => b * (s + ((f - s) * Math.min(n, this.lastEpoch)) / n));
  }
}
