import { ValueError } from '../../errors/value-error';
import { Optimizer } from '../optimizer';
import { toCamel, toSnake } from '../py-names';
import { copyValue, describe } from './helpers';

/** Any optimizer a scheduler can drive. */
export type SchedulableOptimizer = Optimizer<object>;

/** A scheduler's state in PyTorch's layout: its attributes with snake_case names. */
export type SchedulerStateDict = Record<string, unknown>;

/** Options every epoch-based scheduler takes. */
export interface LRSchedulerOptions {
  /**
   * The index of the last epoch; -1 starts fresh (and records each group's `initialLr`).
   * Resuming with another value needs `initialLr` in every group. @default -1
   */
  lastEpoch?: number;
}

/**
 * Base class of the epoch-based learning-rate schedulers (PyTorch's
 * `torch.optim.lr_scheduler.LRScheduler`): `step()` once per epoch after `optimizer.step()`
 * sets every group's `lr`. Subclasses compute the rates in `getLr` (PyTorch's chainable form)
 * and may give a closed form used by `step(epoch)`.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.StepLR(opt, { stepSize: 30, gamma: 0.1 });
 * for (let epoch = 0; epoch < 90; epoch++) { train(); sched.step(); }
 * ```
 */
export abstract class LRScheduler {
  /** The optimizer whose groups' `lr` this scheduler sets. */
  readonly optimizer: SchedulableOptimizer;
  /** Each group's initial learning rate. */
  baseLrs: number[];
  /** The index of the current epoch (the number of `step()` calls minus one). */
  lastEpoch: number;
  /** @internal The number of `step()` calls, including the one made by the constructor. */
  _stepCount = 0;
  /** @internal The rates set by the last `step()`. */
  _lastLr: number[] = [];

  constructor(optimizer: SchedulableOptimizer, lastEpoch = -1, scheduler = 'LRScheduler') {
    if (!(optimizer instanceof Optimizer)) throw new ValueError(`${scheduler}: expected an Optimizer, got ${describe(optimizer)}`);
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1) throw new ValueError(`${scheduler}: lastEpoch must be an integer >= -1, got ${lastEpoch}`);
    this.optimizer = optimizer;
    const groups = optimizer.paramGroups;
    if (lastEpoch === -1) {
      for (const g of groups) if (g.initialLr === undefined) g.initialLr = g.lr;
    } else {
      groups.forEach((g, i) => {
        if (g.initialLr === undefined) throw new ValueError(`${scheduler}: param 'initialLr' is not specified in paramGroups[${i}] when resuming an optimizer`);
      });
    }
    this.baseLrs = groups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
  }

  /** @internal The constructor's step; subclasses call it once their own fields are set. */
  protected _initialStep(): void {
    this._stepCount = 0;
    this.step();
  }

  /** The rates for the current `lastEpoch`, from the groups' current rates (chainable form). */
  protected abstract getLr(): number[];

  /** The rates for `lastEpoch` computed from `baseLrs` alone, when a closed form exists. */
  protected closedFormLr(): number[] | null {
    return null;
  }

  /**
   * Advances one epoch (or jumps to `epoch`, using the closed form where there is one) and sets
   * every group's `lr`.
   *
   * @example
   * ```ts
   * optimizer.step();
   * scheduler.step();
   * ```
   */
  step(epoch?: number): void {
    this._stepCount++;
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch++;
      values = this.getLr();
    } else {
      if (typeof epoch !== 'number' || !Number.isFinite(epoch)) throw new ValueError(`step: epoch must be a finite number, got ${String(epoch)}`);
      this.lastEpoch = epoch;
      values = this.closedFormLr() ?? this.getLr();
    }
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = values[i];
    });
    this._lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates the last `step()` set, one per parameter group. */
  getLastLr(): number[] {
    return this._lastLr.slice();
  }

  /**
   * The scheduler's state (every attribute but the optimizer and functions), with PyTorch's
   * snake_case names (`last_epoch`, `base_lrs`, `_step_count`, `step_size`, ...).
   */
  stateDict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) {
      if (k === 'optimizer' || typeof v === 'function') continue;
      out[toSnake(k)] = copyValue(v);
    }
    return out;
  }

  /** Restores a state from `stateDict()` (or PyTorch's `scheduler.state_dict()`). */
  loadStateDict(stateDict: SchedulerStateDict): void {
    if (stateDict === null || typeof stateDict !== 'object' || Array.isArray(stateDict)) {
      throw new ValueError(`loadStateDict: expected a scheduler state (an object), got ${describe(stateDict)}`);
    }
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(stateDict)) {
      const name = toCamel(k);
      if (name === 'optimizer' || typeof self[name] === 'function') continue;
      self[name] = copyValue(v);
    }
  }
}
