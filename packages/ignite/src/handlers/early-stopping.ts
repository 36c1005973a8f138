import { ValueError } from '@dl/core';
import { Engine } from '../engine/engine';

/** Options of {@link EarlyStopping}. */
export interface EarlyStoppingOptions {
  /** The least improvement that counts; smaller ones count as none. @default 0 */
  minDelta?: number;
  /** Measure improvement from the best score of the last improvement, not the latest best. @default false */
  cumulativeDelta?: boolean;
  /** Where to report stopping. @default console.info */
  log?: (message: string) => void;
}

/**
 * Stops training when a score has not improved for `patience` calls (ignite's `EarlyStopping`).
 * Attach it to the evaluator's `COMPLETED` (or the trainer's `EPOCH_COMPLETED`); higher scores
 * are better, so negate losses.
 *
 * @example
 * ```ts
 * const handler = new EarlyStopping(3, (e) => e.state.metrics.accuracy as number, trainer);
 * evaluator.on(Events.COMPLETED, handler);
 * ```
 */
export class EarlyStopping {
  readonly patience: number;
  readonly scoreFunction: (engine: Engine) => number;
  readonly trainer: Engine;
  readonly minDelta: number;
  readonly cumulativeDelta: boolean;
  /** Calls without improvement so far. */
  counter = 0;
  /** The best score so far (null before the first call). */
  bestScore: number | null = null;
  private readonly log: (message: string) => void;

  constructor(patience: number, scoreFunction: (engine: Engine) => number, trainer: Engine, options: EarlyStoppingOptions = {}) {
    if (typeof scoreFunction !== 'function') throw new ValueError('EarlyStopping: scoreFunction should be a function');
    if (!(Number.isInteger(patience) && patience >= 1)) throw new ValueError(`EarlyStopping: patience should be a positive integer, got ${String(patience)}`);
    const minDelta = options.minDelta ?? 0;
    if (!(typeof minDelta === 'number' && minDelta >= 0)) throw new ValueError(`EarlyStopping: minDelta should not be a negative number, got ${String(minDelta)}`);
    if (!(trainer instanceof Engine)) throw new ValueError('EarlyStopping: trainer should be an instance of Engine');
    this.patience = patience;
    this.scoreFunction = scoreFunction;
    this.trainer = trainer;
    this.minDelta = minDelta;
    this.cumulativeDelta = options.cumulativeDelta ?? false;
    this.log = options.log ?? ((m) => console.info(m));
  }

  /** Scores the engine and counts, stopping the trainer after `patience` calls without improvement. */
  call(engine: Engine): void {
    const score = this.scoreFunction(engine);
    if (typeof score !== 'number' || Number.isNaN(score)) throw new ValueError(`EarlyStopping: scoreFunction should return a number, got ${String(score)}`);
    if (this.bestScore === null) {
      this.bestScore = score;
    } else if (score <= this.bestScore + this.minDelta) {
      if (!this.cumulativeDelta && score > this.bestScore) this.bestScore = score;
      this.counter += 1;
      if (this.counter >= this.patience) {
        this.log(`EarlyStopping: stop training (no improvement in ${this.patience} checks, best score ${this.bestScore})`);
        this.trainer.terminate();
      }
    } else {
      this.bestScore = score;
      this.counter = 0;
    }
  }

  /**
   * The counter and best score, for checkpoints.
   *
   * @example
   * ```ts
   * const toSave = { model, optimizer, trainer, earlyStopping };
   * ```
   */
  stateDict(): { counter: number; bestScore: number | null } {
    return { counter: this.counter, bestScore: this.bestScore };
  }

  /**
   * Restores `stateDict()`.
   *
   * @example
   * ```ts
   * earlyStopping.loadStateDict({ counter: 1, bestScore: 0.93 });
   * ```
   */
  loadStateDict(stateDict: { counter: number; bestScore: number | null }): void {
    if (stateDict === null || typeof stateDict !== 'object') throw new ValueError('EarlyStopping.loadStateDict: state_dict should be an object');
    for (const k of ['counter', 'bestScore']) {
      if (!(k in stateDict)) throw new ValueError(`EarlyStopping.loadStateDict: required state attribute '${k}' is absent in provided state_dict (keys: ${Object.keys(stateDict).join(', ')})`);
    }
    this.counter = stateDict.counter;
    this.bestScore = stateDict.bestScore;
  }
}
