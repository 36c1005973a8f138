import { ValueError } from '../../errors/value-error';
import type { LRScheduler, SchedulerStateDict } from './lr-scheduler';

/**
 * Steps several schedulers together, their effects multiplying (PyTorch's `ChainedScheduler`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.ChainedScheduler([
 *   new optim.lrScheduler.ConstantLR(opt, { factor: 0.1, totalIters: 2 }),
 *   new optim.lrScheduler.ExponentialLR(opt, { gamma: 0.9 }),
 * ]);
 * ```
 */
export class ChainedScheduler {
  /** @internal */
  readonly _schedulers: LRScheduler[];
  /** @internal */
  _lastLr: number[];

  constructor(schedulers: LRScheduler[]) {
    if (!Array.isArray(schedulers) || schedulers.length === 0) throw new ValueError('ChainedScheduler: expects at least one scheduler');
    const opt = schedulers[0].optimizer;
    schedulers.forEach((s, i) => {
      if (s.optimizer !== opt) {
        throw new ValueError(`ChainedScheduler: ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    });
    this._schedulers = schedulers.slice();
    this._lastLr = opt.paramGroups.map((g) => g.lr);
  }

  /** Steps every scheduler once. */
  step(): void {
    for (const s of this._schedulers) s.step();
    this._lastLr = this._schedulers[this._schedulers.length - 1].optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates after the last step, one per parameter group. */
  getLastLr(): number[] {
    return this._lastLr.slice();
  }

  /** The children's states (`_schedulers`) and the last rates, as PyTorch saves them. */
  stateDict(): SchedulerStateDict {
    return { _schedulers: this._schedulers.map((s) => s.stateDict()), _last_lr: this._lastLr.slice() };
  }

  /** Restores a state from `stateDict()`. */
  loadStateDict(stateDict: SchedulerStateDict): void {
    const children = stateDict?._schedulers;
    if (!Array.isArray(children)) throw new ValueError("ChainedScheduler.loadStateDict: expected an object with '_schedulers' (as stateDict() returns)");
    children.forEach((c, i) => { this._schedulers[i]?.loadStateDict(c as SchedulerStateDict); });
    if (Array.isArray(stateDict._last_lr)) this._lastLr = (stateDict._last_lr as number[]).slice();
  }
}
