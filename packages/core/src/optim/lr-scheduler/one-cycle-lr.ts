import { ValueError } from '../../errors/value-error';
import { toCamel, toSnake } from '../py-names';
import { formatParam, momentumKind, setMomentum } from './format-param';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer, type SchedulerStateDict } from './lr-scheduler';

/** Options of `OneCycleLR`. Give `totalSteps`, or `epochs` and `stepsPerEpoch`. */
export interface OneCycleLROptions extends LRSchedulerOptions {
  /** The peak learning rate (one for all groups or one per group). */
  maxLr: number | number[];
  /** Steps in the cycle. */
  totalSteps?: number;
  /** Epochs to train (with `stepsPerEpoch`, instead of `totalSteps`). */
  epochs?: number;
  /** Steps per epoch (with `epochs`). */
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent increasing the rate. @default 0.3 */
  pctStart?: number;
  /** Annealing shape. @default 'cos' */
  annealStrategy?: 'cos' | 'linear';
  /** Cycle momentum (or Adam's beta1) inversely to the rate. @default true */
  cycleMomentum?: boolean;
  /** The lowest momentum. @default 0.85 */
  baseMomentum?: number | number[];
  /** The highest momentum. @default 0.95 */
  maxMomentum?: number | number[];
  /** The initial rate is `maxLr / divFactor`. @default 25 */
  divFactor?: number;
  /** The final rate is the initial rate divided by this. @default 1e4 */
  finalDivFactor?: number;
  /** Use a third phase that anneals to the final rate (fast.ai's schedule). @default false */
  threePhase?: boolean;
}

interface Phase {
  endStep: number;
  startLr: string;
  endLr: string;
  startMomentum: string;
  endMomentum: string;
}

/**
 * The 1cycle policy (PyTorch's `OneCycleLR`): the rate rises from `maxLr / divFactor` to
 * `maxLr` then anneals far below, while momentum moves the other way. Step it after every
 * batch, `totalSteps` times in all.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.OneCycleLR(opt, { maxLr: 0.01, epochs: 10, stepsPerEpoch: loader.length });
 * for (const batch of loader) { train(batch); sched.step(); }
 * ```
 */
export class OneCycleLR extends LRScheduler {
  totalSteps: number;
  /** @internal */
  _schedulePhases: Phase[];
  /** @internal */
  _annealFuncType: 'cos' | 'linear';
  cycleMomentum: boolean;
  /** Whether momentum is cycled through Adam-style `betas[0]` (else `momentum`). */
  useBeta1: boolean;

  constructor(optimizer: SchedulableOptimizer, options: OneCycleLROptions) {
    const lastEpoch = options?.lastEpoch ?? -1;
    // PyTorch fills the groups' initialLr before the base class reads it.
    const o = options;
    let total: number;
    if (o.totalSteps === undefined && o.epochs === undefined && o.stepsPerEpoch === undefined) {
      throw new ValueError('OneCycleLR: You must define either totalSteps OR (epochs AND stepsPerEpoch)');
    } else if (o.totalSteps !== undefined) {
      if (!Number.isInteger(o.totalSteps) || o.totalSteps <= 0) throw new ValueError(`OneCycleLR: Expected positive integer totalSteps, but got ${o.totalSteps}`);
      total = o.totalSteps;
    } else {
      if (!Number.isInteger(o.epochs) || (o.epochs as number) <= 0) throw new ValueError(`OneCycleLR: Expected positive integer epochs, but got ${o.epochs}`);
      if (!Number.isInteger(o.stepsPerEpoch) || (o.stepsPerEpoch as number) <= 0) {
        throw new ValueError(`OneCycleLR: Expected positive integer stepsPerEpoch, but got ${o.stepsPerEpoch}`);
      }
      total = (o.epochs as number) * (o.stepsPerEpoch as number);
    }
    const pct = o.pctStart ?? 0.3;
    if (typeof pct !== 'number' || pct < 0 || pct > 1) throw new ValueError(`OneCycleLR: Expected float between 0 and 1 pctStart, but got ${pct}`);
    const anneal = o.annealStrategy ?? 'cos';
    if (anneal !== 'cos' && anneal !== 'linear') throw new ValueError(`OneCycleLR: annealStrategy must be one of 'cos' or 'linear', instead got ${String(anneal)}`);
    const maxLrs = formatParam('OneCycleLR', 'maxLr', optimizer, o.maxLr);
    const divFactor = o.divFactor ?? 25;
    const finalDivFactor = o.finalDivFactor ?? 1e4;
    const cycle = o.cycleMomentum ?? true;
    const kind = cycle ? momentumKind('OneCycleLR', optimizer) : null;
    if (lastEpoch === -1) {
      optimizer.paramGroups.forEach((g, i) => {
        g.initialLr = maxLrs[i] / divFactor;
        g.maxLr = maxLrs[i];
        g.minLr = (g.initialLr as number) / finalDivFactor;
      });
      if (kind) {
        const maxM = formatParam('OneCycleLR', 'maxMomentum', optimizer, o.maxMomentum ?? 0.95);
        const baseM = formatParam('OneCycleLR', 'baseMomentum', optimizer, o.baseMomentum ?? 0.85);
        optimizer.paramGroups.forEach((g, i) => {
          setMomentum(g, kind, maxM[i]);
          g.maxMomentum = maxM[i];
          g.baseMomentum = baseM[i];
        });
      }
    }
    super(optimizer, lastEpoch, 'OneCycleLR');
    this.totalSteps = total;
    this._schedulePhases = o.threePhase
      ? [
          { endStep: pct * total - 1, startLr: 'initialLr', endLr: 'maxLr', startMomentum: 'maxMomentum', endMomentum: 'baseMomentum' },
          { endStep: 2 * pct * total - 2, startLr: 'maxLr', endLr: 'initialLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
          { endStep: total - 1, startLr: 'initialLr', endLr: 'minLr', startMomentum: 'maxMomentum', endMomentum: 'maxMomentum' },
        ]
      : [
          { endStep: pct * total - 1, startLr: 'initialLr', endLr: 'maxLr', startMomentum: 'maxMomentum', endMomentum: 'baseMomentum' },
          { endStep: total - 1, startLr: 'maxLr', endLr: 'minLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
        ];
    this._annealFuncType = anneal;
    this.cycleMomentum = cycle;
    this.useBeta1 = kind === 'betas';
    this._initialStep();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this._annealFuncType === 'linear') return (end - start) * pct + start;
    return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
  }

  protected getLr(): number[] {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new ValueError(`OneCycleLR: Tried to step ${stepNum} times. The specified number of total steps is ${this.totalSteps}`);
    }
    const phases = this._schedulePhases;
    return this.optimizer.paramGroups.map((g) => {
      let start = 0;
      let lr = 0;
      for (let i = 0; i < phases.length; i++) {
        const ph = phases[i];
        if (stepNum <= ph.endStep || i === phases.length - 1) {
          const pct = (stepNum - start) / (ph.endStep - start);
          lr = this.anneal(g[ph.startLr] as number, g[ph.endLr] as number, pct);
          if (this.cycleMomentum) {
            setMomentum(g, this.useBeta1 ? 'betas' : 'momentum', this.anneal(g[ph.startMomentum] as number, g[ph.endMomentum] as number, pct));
          }
          break;
        }
        start = ph.endStep;
      }
      return lr;
    });
  }

  override stateDict(): SchedulerStateDict {
    // PyTorch's phases name group keys in snake_case ('initial_lr').
    const sd = super.stateDict();
    sd._schedule_phases = this._schedulePhases.map((p) => ({
      end_step: p.endStep,
      start_lr: toSnake(p.startLr),
      end_lr: toSnake(p.endLr),
      start_momentum: toSnake(p.startMomentum),
      end_momentum: toSnake(p.endMomentum),
    }));
    return sd;
  }

  override loadStateDict(stateDict: SchedulerStateDict): void {
    super.loadStateDict(stateDict);
    const phases = (stateDict as Record<string, unknown>)._schedule_phases;
    if (Array.isArray(phases)) {
      this._schedulePhases = phases.map((p: Record<string, unknown>) => ({
        endStep: Number(p.end_step),
        startLr: toCamel(String(p.start_lr)),
        endLr: toCamel(String(p.end_lr)),
        startMomentum: toCamel(String(p.start_momentum)),
        endMomentum: toCamel(String(p.end_momentum)),
      }));
    }
  }
}
