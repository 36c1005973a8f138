import { ValueError, optim } from '@dl/core';
import type { Engine } from '../engine/engine';
import { recordParamHistory } from './param-history';

/** Options of {@link ReduceLROnPlateauScheduler}. */
export interface ReduceLROnPlateauSchedulerOptions {
  /** The engine whose history records the rates (the trainer); default: the engine the handler runs on. @default undefined */
  trainer?: Engine;
  /** Record the rates in `paramHistory.lr` of the trainer. @default false */
  saveHistory?: boolean;
}

/**
 * Steps a @dl/core `ReduceLROnPlateau` with a metric of the engine it is attached to (ignite's
 * `ReduceLROnPlateauScheduler`): attach it to the evaluator's `COMPLETED`.
 *
 * @example
 * ```ts
 * const plateau = new optim.lrScheduler.ReduceLROnPlateau(optimizer, { mode: 'max', patience: 2 });
 * evaluator.on(Events.COMPLETED, new ReduceLROnPlateauScheduler(plateau, 'accuracy', { trainer }));
 * ```
 */
export class ReduceLROnPlateauScheduler {
  readonly scheduler: optim.lrScheduler.ReduceLROnPlateau;
  readonly metricName: string;
  private readonly trainer: Engine | undefined;
  private readonly saveHistory: boolean;

  constructor(scheduler: optim.lrScheduler.ReduceLROnPlateau, metricName: string, options: ReduceLROnPlateauSchedulerOptions = {}) {
    if (!(scheduler instanceof optim.lrScheduler.ReduceLROnPlateau)) throw new ValueError('ReduceLROnPlateauScheduler: scheduler should be an optim.lrScheduler.ReduceLROnPlateau');
    if (typeof metricName !== 'string' || metricName.length === 0) throw new ValueError('ReduceLROnPlateauScheduler: metricName should be a non-empty string');
    this.scheduler = scheduler;
    this.metricName = metricName;
    this.trainer = options.trainer;
    this.saveHistory = options.saveHistory ?? false;
  }

  /** Steps the scheduler with `engine.state.metrics[metricName]`. */
  call(engine: Engine, name = 'lr'): void {
    const value = engine.state.metrics[this.metricName];
    if (typeof value !== 'number') {
      throw new ValueError(`ReduceLROnPlateauScheduler: engine.state.metrics['${this.metricName}'] should be a number, got ${value === undefined ? 'nothing (is the metric attached?)' : typeof value}`);
    }
    this.scheduler.step(value);
    if (this.saveHistory) recordParamHistory(this.trainer ?? engine, name, this.scheduler.optimizer.paramGroups.map((g) => g.lr as number));
  }

  /** The scheduler's state, for checkpoints. @example `const sd = handler.stateDict();` */
  stateDict(): Record<string, unknown> {
    return this.scheduler.stateDict();
  }

  /** Restores `stateDict()`. @example `handler.loadStateDict(ckpt.plateau);` */
  loadStateDict(stateDict: Record<string, unknown>): void {
    this.scheduler.loadStateDict(stateDict);
  }
}
