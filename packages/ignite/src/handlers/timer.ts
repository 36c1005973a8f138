import type { Engine } from '../engine/engine';
import { Events, type CallableEventWithFilter } from '../engine/events';

/** Which events drive a {@link Timer}. */
export interface TimerAttachOptions {
  /** Resets (and starts) the timer. @default Events.STARTED */
  start?: CallableEventWithFilter | string;
  /** Pauses it. @default Events.COMPLETED */
  pause?: CallableEventWithFilter | string;
  /** Resumes it after a pause. @default undefined */
  resume?: CallableEventWithFilter | string;
  /** Counts a step (for `average`). @default undefined */
  step?: CallableEventWithFilter | string;
}

/**
 * Measures seconds between events (ignite's `Timer`); with `average`, the time per step.
 *
 * @example
 * ```ts
 * const timer = new Timer({ average: true });
 * timer.attach(trainer, { start: Events.EPOCH_STARTED, resume: Events.ITERATION_STARTED, pause: Events.ITERATION_COMPLETED, step: Events.ITERATION_COMPLETED });
 * trainer.on(Events.EPOCH_COMPLETED, () => console.log(`${timer.value()} s per iteration`));
 * ```
 */
export class Timer {
  /** Whether `value()` divides by the step count. */
  readonly average: boolean;
  /** Seconds accumulated while running, up to the last pause. */
  total = 0;
  /** Steps counted. */
  stepCount = 0;
  /** Whether the timer is running. */
  running = true;
  private t0 = performance.now();

  constructor(options: { average?: boolean } = {}) {
    this.average = options.average ?? false;
  }

  /**
   * Registers reset/pause/resume/step on the engine's events.
   *
   * @example
   * ```ts
   * new Timer().attach(trainer); // times the whole run
   * ```
   */
  attach(engine: Engine, options: TimerAttachOptions = {}): this {
    engine.addEventHandler(options.start ?? Events.STARTED, () => this.reset());
    engine.addEventHandler(options.pause ?? Events.COMPLETED, () => this.pause());
    if (options.resume !== undefined) engine.addEventHandler(options.resume, () => this.resume());
    if (options.step !== undefined) engine.addEventHandler(options.step, () => this.step());
    return this;
  }

  /** Restarts from zero, running. */
  reset(): this {
    this.t0 = performance.now();
    this.total = 0;
    this.stepCount = 0;
    this.running = true;
    return this;
  }

  /** Stops counting time (kept in `total`). */
  pause(): void {
    if (this.running) {
      this.total += this.elapsed();
      this.running = false;
    }
  }

  /** Counts time again after a pause. */
  resume(): void {
    if (!this.running) {
      this.running = true;
      this.t0 = performance.now();
    }
  }

  /** Counts one step. */
  step(): void {
    this.stepCount += 1;
  }

  /** Seconds measured (per step with `average`). */
  value(): number {
    let total = this.total;
    if (this.running) total += this.elapsed();
    return this.average ? total / Math.max(this.stepCount, 1) : total;
  }

  private elapsed(): number {
    return (performance.now() - this.t0) / 1000;
  }
}
