import { ValueError } from '../../errors/value-error';
import { formatParam, momentumKind, setMomentum } from './format-param';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer } from './lr-scheduler';

/** Options of `CyclicLR`. */
export interface CyclicLROptions extends LRSchedulerOptions {
  /** The lower bound of the cycle (one for all groups or one per group). */
  baseLr: number | number[];
  /** The upper bound of the cycle. */
  maxLr: number | number[];
  /** Steps in the increasing half of a cycle. @default 2000 */
  stepSizeUp?: number;
  /** Steps in the decreasing half. @default stepSizeUp */
  stepSizeDown?: number;
  /** The amplitude policy; ignored when `scaleFn` is given. @default 'triangular' */
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  /** The base of `exp_range`'s `gamma ** iteration` scaling. @default 1 */
  gamma?: number;
  /** A custom amplitude scale in [0, 1] of the cycle number or iteration. */
  scaleFn?: (x: number) => number;
  /** What `scaleFn` receives. @default 'cycle' */
  scaleMode?: 'cycle' | 'iterations';
  /** Cycle momentum (or Adam's beta1) inversely to the rate. @default true */
  cycleMomentum?: boolean;
  /** The lower momentum bound. @default 0.8 */
  baseMomentum?: number | number[];
  /** The upper momentum bound. @default 0.9 */
  maxMomentum?: number | number[];
}

/**
 * Cycles each group's learning rate between `baseLr` and `maxLr` (PyTorch's `CyclicLR`,
 * Smith's cyclical learning rates). Step it after every batch.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.CyclicLR(opt, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 500 });
 * ```
 */
export class CyclicLR extends LRScheduler {
  maxLrs: number[];
  totalSize: number;
  stepRatio: number;
  mode: string;
  gamma: number;
  scaleMode: 'cycle' | 'iterations';
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
  /** @internal */
  _scaleFnCustom: ((x: number) => number) | null;
  /** Whether momentum is cycled through Adam-style `betas[0]` (else `momentum`). */
  useBeta1: boolean;

  constructor(optimizer: SchedulableOptimizer, options: CyclicLROptions) {
    const lastEpoch = options?.lastEpoch ?? -1;
    const baseLrs = formatParam('CyclicLR', 'baseLr', optimizer, options.baseLr);
    if (lastEpoch === -1) optimizer.paramGroups.forEach((g, i) => { g.lr = baseLrs[i]; });
    const mode = options.mode ?? 'triangular';
    if (!['triangular', 'triangular2', 'exp_range'].includes(mode) && options.scaleFn === undefined) {
      throw new ValueError(`CyclicLR: mode is invalid and scaleFn is None (mode '${String(mode)}'; expected 'triangular', 'triangular2' or 'exp_range')`);
    }
    const cycle = options.cycleMomentum ?? true;
    const kind = cycle ? momentumKind('CyclicLR', optimizer) : null;
    let baseMomentums: number[] = [];
    let maxMomentums: number[] = [];
    if (kind) {
      baseMomentums = formatParam('CyclicLR', 'baseMomentum', optimizer, options.baseMomentum ?? 0.8);
      maxMomentums = formatParam('CyclicLR', 'maxMomentum', optimizer, options.maxMomentum ?? 0.9);
      if (lastEpoch === -1) optimizer.paramGroups.forEach((g, i) => { setMomentum(g, kind, baseMomentums[i]); });
    }
    super(optimizer, lastEpoch, 'CyclicLR');
    this.baseLrs = baseLrs;
    this.maxLrs = formatParam('CyclicLR', 'maxLr', optimizer, options.maxLr);
    const up = options.stepSizeUp ?? 2000;
    const down = options.stepSizeDown ?? up;
    if (!(up > 0) || !(down > 0)) throw new ValueError(`CyclicLR: stepSizeUp and stepSizeDown must be positive, got ${up} and ${down}`);
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    this.mode = mode;
    this.gamma = options.gamma ?? 1;
    this._scaleFnCustom = options.scaleFn ?? null;
    this.scaleMode = options.scaleFn ? (options.scaleMode ?? 'cycle') : mode === 'exp_range' ? 'iterations' : 'cycle';
    this.cycleMomentum = cycle;
    this.useBeta1 = kind === 'betas';
    this.baseMomentums = kind ? optimizer.paramGroups.map((g) => (kind === 'momentum' ? (g.momentum as number) : (g.betas as number[])[0])) : [];
    this.maxMomentums = maxMomentums;
    this._initialStep();
  }

  private scale(x: number): number {
    if (this._scaleFnCustom) return this._scaleFnCustom(x);
    if (this.mode === 'triangular2') return 1 / 2 ** (x - 1);
    if (this.mode === 'exp_range') return this.gamma ** x;
    return 1;
  }

  protected getLr(): number[] {
    const cycle = Math.floor(1 + this.lastEpoch / this.totalSize);
    const x = 1 + this.lastEpoch / this.totalSize - cycle;
    const scaleFactor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const s = this.scale(this.scaleMode === 'cycle' ? cycle : this.lastEpoch);
    const lrs = this.baseLrs.map((b, i) => b + (this.maxLrs[i] - b) * scaleFactor * s);
    if (this.cycleMomentum) {
      const kind = this.useBeta1 ? 'betas' : 'momentum';
      this.optimizer.paramGroups.forEach((g, i) => {
        const height = (this.maxMomentums[i] - this.baseMomentums[i]) * scaleFactor;
        setMomentum(g, kind, this.maxMomentums[i] - height * s);
      });
    }
    return lrs;
  }
}
