import { ValueError, optim } from '@dl/core';
import type { Engine } from '../engine/engine';
import { recordParamHistory } from './param-history';

/** Options of {@link LRScheduler}. */
export interface LRSchedulerOptions {
  /** Record each call's learning rates in `engine.state.paramHistory.lr`. @default false */
  saveHistory?: boolean;
}

/**
 * Drives a @dl/core learning-rate scheduler from engine events (ignite's `LRScheduler`). Attach it
 * to `ITERATION_STARTED` (or `EPOCH_STARTED`): the first call keeps the initial rate, each later
 * call steps the scheduler, so the n-th iteration trains with the rate PyTorch's scheduler has
 * after n − 1 `step()`s.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.StepLR(optimizer, { stepSize: 3, gamma: 0.1 });
 * trainer.on(Events.EPOCH_STARTED, new LRScheduler(sched));
 * ```
 */
export class LRScheduler {
  /** The wrapped scheduler. */
  readonly lrScheduler: optim.lrScheduler.LRScheduler;
  readonly saveHistory: boolean;
  /** How many times the handler ran. */
  eventIndex = 0;

  constructor(lrScheduler: optim.lrScheduler.LRScheduler, options: LRSchedulerOptions = {}) {
    if (!(lrScheduler instanceof optim.lrScheduler.LRScheduler)) {
      throw new ValueError('LRScheduler: lrScheduler should be a @dl/core scheduler (optim.lrScheduler.*); for ReduceLROnPlateau use ReduceLROnPlateauScheduler');
    }
    this.lrScheduler = lrScheduler;
    this.saveHistory = options.saveHistory ?? false;
  }

  /** Steps the scheduler (except on the first call) and records the rates. */
  call(engine: Engine | null, name = 'lr'): void {
    if (this.eventIndex > 0) this.lrScheduler.step();
    this.eventIndex += 1;
    if (this.saveHistory && engine) recordParamHistory(engine, name, this.lrScheduler.optimizer.paramGroups.map((g) => g.lr as number));
  }

  /**
   * The learning rates `numEvents` calls would set, without changing the scheduler (ignite's
   * `simulate_values`): rows of `[event, lr of each group...]`.
   *
   * @example
   * ```ts
   * LRScheduler.simulateValues(5, sched); // [[0, 0.1], [1, 0.1], [2, 0.1], [3, 0.01], [4, 0.01]]
   * ```
   */
  static simulateValues(numEvents: number, lrScheduler: optim.lrScheduler.LRScheduler): number[][] {
    const savedScheduler = lrScheduler.stateDict();
    const savedGroups = lrScheduler.optimizer.paramGroups.map((g) => ({ ...g }));
    const handler = new LRScheduler(lrScheduler);
    const out: number[][] = [];
    try {
      for (let i = 0; i < numEvents; i++) {
        handler.call(null);
        out.push([i, ...lrScheduler.optimizer.paramGroups.map((g) => g.lr as number)]);
      }
    } finally {
      lrScheduler.loadStateDict(savedScheduler);
      lrScheduler.optimizer.paramGroups.forEach((g, i) => { Object.assign(g, savedGroups[i]); });
    }
    return out;
  }

  /**
   * The handler's and the scheduler's state, for checkpoints.
   *
   * @example
   * ```ts
   * const toSave = { model, optimizer, trainer, lrScheduler: handler };
   * ```
   */
  stateDict(): { eventIndex: number; lrScheduler: Record<string, unknown> } {
    return { eventIndex: this.eventIndex, lrScheduler: this.lrScheduler.stateDict() };
  }

  /**
   * Restores `stateDict()`.
   *
   * @example
   * ```ts
   * handler.loadStateDict(ckpt.lrScheduler);
   * ```
   */
  loadStateDict(stateDict: { eventIndex: number; lrScheduler: Record<string, unknown> }): void {
    if (stateDict === null || typeof stateDict !== 'object' || typeof stateDict.eventIndex !== 'number' || typeof stateDict.lrScheduler !== 'object') {
      throw new ValueError('LRScheduler.loadStateDict: expected { eventIndex, lrScheduler } (as stateDict() returns)');
    }
    this.eventIndex = stateDict.eventIndex;
    this.lrScheduler.loadStateDict(stateDict.lrScheduler);
  }
}
