import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { Optimizer } from '../optimizer';
import { toCamel, toSnake } from '../py-names';
import { copyValue, describe } from './helpers';
import type { SchedulableOptimizer, SchedulerStateDict } from './lr-scheduler';

/** Options of `ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  /** Whether the metric should go down (`'min'`, a loss) or up (`'max'`, an accuracy). @default 'min' */
  mode?: 'min' | 'max';
  /** Factor the rate is multiplied by on a plateau (< 1). @default 0.1 */
  factor?: number;
  /** Epochs without improvement tolerated before reducing. @default 10 */
  patience?: number;
  /** The least change that counts as an improvement. @default 1e-4 */
  threshold?: number;
  /** Whether `threshold` is relative to the best value or absolute. @default 'rel' */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting bad epochs again. @default 0 */
  cooldown?: number;
  /** The lowest rate (one for all groups or one per group). @default 0 */
  minLr?: number | number[];
  /** Reductions smaller than this are skipped. @default 1e-8 */
  eps?: number;
}

/**
 * Reduces the learning rate when a metric stops improving (PyTorch's `ReduceLROnPlateau`).
 * Call `step(metric)` after each validation.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.ReduceLROnPlateau(opt, { mode: 'min', patience: 5 });
 * for (let epoch = 0; epoch < 100; epoch++) { train(); sched.step(validate()); }
 * ```
 */
export class ReduceLROnPlateau {
  /** The optimizer whose groups' `lr` this scheduler lowers. */
  readonly optimizer: SchedulableOptimizer;
  factor: number;
  minLrs: number[];
  patience: number;
  cooldown: number;
  cooldownCounter = 0;
  mode: 'min' | 'max';
  threshold: number;
  thresholdMode: 'rel' | 'abs';
  best = 0;
  numBadEpochs = 0;
  modeWorse = Infinity;
  eps: number;
  lastEpoch = 0;
  /** @internal */
  _lastLr: number[];

  constructor(optimizer: SchedulableOptimizer, options: ReduceLROnPlateauOptions = {}) {
    if (!(optimizer instanceof Optimizer)) throw new ValueError(`ReduceLROnPlateau: expected an Optimizer, got ${describe(optimizer)}`);
    const factor = options.factor ?? 0.1;
    if (!(factor < 1)) throw new ValueError(`ReduceLROnPlateau: Factor should be < 1.0, got ${factor}`);
    this.optimizer = optimizer;
    this.factor = factor;
    const n = optimizer.paramGroups.length;
    const minLr = options.minLr ?? 0;
    if (Array.isArray(minLr)) {
      if (minLr.length !== n) throw new ValueError(`ReduceLROnPlateau: expected ${n} min_lrs, got ${minLr.length}`);
      this.minLrs = minLr.slice();
    } else this.minLrs = Array.from({ length: n }, () => minLr);
    this.patience = options.patience ?? 10;
    this.cooldown = options.cooldown ?? 0;
    this.mode = options.mode ?? 'min';
    this.threshold = options.threshold ?? 1e-4;
    this.thresholdMode = options.thresholdMode ?? 'rel';
    this.eps = options.eps ?? 1e-8;
    this.initIsBetter();
    this.reset();
    this._lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  private initIsBetter(): void {
    if (this.mode !== 'min' && this.mode !== 'max') throw new ValueError(`ReduceLROnPlateau: mode ${String(this.mode)} is unknown! (expected 'min' or 'max')`);
    if (this.thresholdMode !== 'rel' && this.thresholdMode !== 'abs') {
      throw new ValueError(`ReduceLROnPlateau: threshold mode ${String(this.thresholdMode)} is unknown! (expected 'rel' or 'abs')`);
    }
    this.modeWorse = this.mode === 'min' ? Infinity : -Infinity;
  }

  private reset(): void {
    this.best = this.modeWorse;
    this.cooldownCounter = 0;
    this.numBadEpochs = 0;
  }

  /** Whether the scheduler is waiting out its cooldown. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Whether `a` improves on `best` under the mode and threshold. */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - this.threshold) : a < best - this.threshold;
    return this.thresholdMode === 'rel' ? a > best * (this.threshold + 1) : a > best + this.threshold;
  }

  /**
   * Records one epoch's metric (a number or a one-element tensor) and lowers the rates after
   * more than `patience` epochs without improvement.
   */
  step(metric: number | Tensor, epoch?: number): void {
    const current = metric instanceof Tensor ? metric.item() : metric;
    if (typeof current !== 'number' || Number.isNaN(current)) throw new ValueError(`ReduceLROnPlateau.step: metric must be a number, got ${String(metric)}`);
    this.lastEpoch = epoch ?? this.lastEpoch + 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs += 1;
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  private reduceLr(): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const old = g.lr;
      const next = Math.max(old * this.factor, this.minLrs[i]);
      if (old - next > this.eps) g.lr = next;
    });
  }

  /** The learning rates after the last step, one per parameter group. */
  getLastLr(): number[] {
    return this._lastLr.slice();
  }

  /** The scheduler's state with PyTorch's names (`best`, `num_bad_epochs`, `cooldown_counter`, ...). */
  stateDict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer') out[toSnake(k)] = copyValue(v);
    return out;
  }

  /** Restores a state from `stateDict()` (or PyTorch's). */
  loadStateDict(stateDict: SchedulerStateDict): void {
    if (stateDict === null || typeof stateDict !== 'object') throw new ValueError(`ReduceLROnPlateau.loadStateDict: expected an object, got ${describe(stateDict)}`);
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(stateDict)) {
      const name = toCamel(k);
      if (name === 'optimizer' || !Object.hasOwn(this, name) || typeof self[name] === 'function') continue;
      self[name] = copyValue(v);
    }
    this.initIsBetter();
  }
}
