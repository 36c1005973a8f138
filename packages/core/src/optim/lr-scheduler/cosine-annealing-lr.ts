import { checkInt, pyMod } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `CosineAnnealingLR`. */
export interface CosineAnnealingLROptions extends LRSchedulerOptions {
  /** Epochs in half a cosine period (PyTorch's `T_max`). */
  tMax: number;
  /** The minimum learning rate. @default 0 */
  etaMin?: number;
}

/**
 * Anneals each group's learning rate from its initial value to `etaMin` along a cosine over
 * `tMax` epochs, then back up (PyTorch's `CosineAnnealingLR`, recursive form).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.CosineAnnealingLR(opt, { tMax: 100, etaMin: 1e-5 });
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  tMax: number;
  etaMin: number;

  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'CosineAnnealingLR');
    checkInt('CosineAnnealingLR', 'tMax', options.tMax, 1);
    this.tMax = options.tMax;
    this.etaMin = options.etaMin ?? 0;
    this._initialStep();
  }

  protected getLr(): number[] {
    const { lastEpoch: e, tMax: T, etaMin } = this;
    const groups = this.optimizer.paramGroups;
    if (e === 0) return groups.map((g) => g.lr);
    if (this._stepCount === 1 && e > 0) return this.closedFormLr();
    if (pyMod(e - 1 - T, 2 * T) === 0) {
      return groups.map((g, i) => g.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / T))) / 2);
    }
    return groups.map((g) => ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) * (g.lr - etaMin) + etaMin);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / this.tMax))) / 2);
  }
}
