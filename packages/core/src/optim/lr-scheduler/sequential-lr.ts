import { ValueError } from '../../errors/value-error';
import { LRScheduler, type SchedulableOptimizer, type SchedulerStateDict } from './lr-scheduler';

/** Options of `SequentialLR`. */
export interface SequentialLROptions {
  /** The schedulers to run one after another (all on `optimizer`). */
  schedulers: LRScheduler[];
  /** The epochs at which to switch to the next scheduler (one fewer than `schedulers`). */
  milestones: number[];
  /** @default -1 */
  lastEpoch?: number;
}

/**
 * Runs schedulers one after another, switching at the milestone epochs (PyTorch's
 * `SequentialLR`), e.g. a linear warm-up then cosine annealing.
 *
 * @example
 * ```ts
 * const warmup = new optim.lrScheduler.LinearLR(opt, { startFactor: 0.1, totalIters: 5 });
 * const cosine = new optim.lrScheduler.CosineAnnealingLR(opt, { tMax: 95 });
 * const sched = new optim.lrScheduler.SequentialLR(opt, { schedulers: [warmup, cosine], milestones: [5] });
 * ```
 */
export class SequentialLR extends LRScheduler {
  /** @internal */
  _schedulers: LRScheduler[];
  /** @internal */
  _milestones: number[];

  constructor(optimizer: SchedulableOptimizer, options: SequentialLROptions) {
    super(optimizer, -1, 'SequentialLR');
    const { schedulers, milestones } = options;
    if (!Array.isArray(schedulers) || schedulers.length < 1) throw new ValueError('SequentialLR: expects at least one scheduler');
    schedulers.forEach((s, i) => {
      if (!(s instanceof LRScheduler)) throw new ValueError(`SequentialLR: schedulers[${i}] is not an LRScheduler`);
      if (s.optimizer !== optimizer) {
        throw new ValueError(`SequentialLR: Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    });
    if (!Array.isArray(milestones) || milestones.length !== schedulers.length - 1) {
      throw new ValueError(
        `SequentialLR: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${Array.isArray(milestones) ? milestones.length : 'none'}`,
      );
    }
    this._schedulers = schedulers;
    this._milestones = milestones.slice();
    this.lastEpoch = (options.lastEpoch ?? -1) + 1;
    // Undo the steps the schedulers took when built, then start the first one afresh.
    for (const g of optimizer.paramGroups) g.lr = g.initialLr as number;
    for (const s of schedulers) s.lastEpoch -= 1;
    (schedulers[0] as unknown as { _initialStep(): void })._initialStep();
    this._lastLr = schedulers[0].getLastLr();
  }

  protected getLr(): number[] {
    return this._lastLr.slice();
  }

  /** Advances one epoch, switching to the next scheduler at a milestone. */
  override step(): void {
    this.lastEpoch += 1;
    let idx = 0;
    while (idx < this._milestones.length && this._milestones[idx] <= this.lastEpoch) idx++;
    const s = this._schedulers[idx];
    if (idx > 0 && this._milestones[idx - 1] === this.lastEpoch) s.step(0);
    else s.step();
    this._lastLr = s.getLastLr();
  }

  override stateDict(): SchedulerStateDict {
    const sd = super.stateDict();
    sd._schedulers = this._schedulers.map((s) => s.stateDict());
    return sd;
  }

  override loadStateDict(stateDict: SchedulerStateDict): void {
    const { _schedulers: children, ...rest } = stateDict ?? {};
    super.loadStateDict(rest);
    if (Array.isArray(children)) children.forEach((c, i) => { this._schedulers[i]?.loadStateDict(c as SchedulerStateDict); });
  }
}
