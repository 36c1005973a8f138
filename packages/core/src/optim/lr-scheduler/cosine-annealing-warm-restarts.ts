import { ValueError } from '../../errors/value-error';
import { checkInt } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `CosineAnnealingWarmRestarts`. */
export interface CosineAnnealingWarmRestartsOptions extends LRSchedulerOptions {
  /** Epochs until the first restart (PyTorch's `T_0`). */
  t0: number;
  /** Factor by which the period grows after each restart (PyTorch's `T_mult`). @default 1 */
  tMult?: number;
  /** The minimum learning rate. @default 0 */
  etaMin?: number;
}

/**
 * Cosine annealing with warm restarts (SGDR; PyTorch's `CosineAnnealingWarmRestarts`). `step`
 * accepts fractional epochs, e.g. `sched.step(epoch + i / iters)` after each batch.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.CosineAnnealingWarmRestarts(opt, { t0: 10, tMult: 2 });
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  t0: number;
  tI: number;
  tMult: number;
  etaMin: number;
  tCur: number;

  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingWarmRestartsOptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'CosineAnnealingWarmRestarts');
    checkInt('CosineAnnealingWarmRestarts', 't0', options.t0, 1);
    const tMult = options.tMult ?? 1;
    if (!Number.isInteger(tMult) || tMult < 1) throw new ValueError(`CosineAnnealingWarmRestarts: Expected integer tMult >= 1, but got ${tMult}`);
    this.t0 = options.t0;
    this.tI = options.t0;
    this.tMult = tMult;
    this.etaMin = options.etaMin ?? 0;
    this.tCur = this.lastEpoch;
    this._initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }

  /** Advances one epoch, or jumps to a (possibly fractional) `epoch`. */
  override step(epoch?: number): void {
    let e = epoch;
    if (e === undefined && this.lastEpoch < 0) e = 0;
    if (e === undefined) {
      e = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= this.tMult;
      }
    } else {
      if (!(e >= 0)) throw new ValueError(`CosineAnnealingWarmRestarts: Expected non-negative epoch, but got ${e}`);
      if (e >= this.t0) {
        if (this.tMult === 1) this.tCur = e % this.t0;
        else {
          const n = Math.floor(Math.log((e / this.t0) * (this.tMult - 1) + 1) / Math.log(this.tMult));
          this.tCur = e - (this.t0 * (this.tMult ** n - 1)) / (this.tMult - 1);
          this.tI = this.t0 * this.tMult ** n;
        }
      } else {
        this.tI = this.t0;
        this.tCur = e;
      }
    }
    // PyTorch's override does not count steps (its _step_count stays 0); mirrored for state dicts.
    this.lastEpoch = Math.floor(e);
    const values = this.getLr();
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = values[i];
    });
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }
}
