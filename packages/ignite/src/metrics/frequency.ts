import { ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import { Events, isEvent, type CallableEventWithFilter } from '../engine/events';
import { toUsage, type MetricUsage, type MetricUsageName } from './metric-usage';
import { Metric, type MetricOptions } from './metric';

/**
 * How many units per second the engine processes (ignite's `Frequency`), e.g. samples or tokens
 * per second: each iteration's output (after `outputTransform`) is the count; the value written
 * to `state.metrics` is rounded down. Resets every epoch.
 *
 * @example
 * ```ts
 * new Frequency({ outputTransform: () => batchSize }).attach(trainer, 'samplesPerSec');
 * ```
 */
export class Frequency extends Metric<number, number> {
  override readonly requiredOutputKeys = null;
  protected override readonly stateKeys = ['acc', 'elapsed'];
  private acc = 0;
  private elapsed = 0;
  private t0 = 0;

  constructor(options: MetricOptions<number> = {}) {
    super(options);
    this.reset();
  }

  reset(): void {
    this.t0 = performance.now();
    this.acc = 0;
    this.elapsed = 0;
  }

  update(output: number): void {
    if (typeof output !== 'number' || !Number.isFinite(output)) throw new ValueError(`Frequency.update: output should be a finite number (a count), got ${String(output)}`);
    this.acc += output;
    this.elapsed = (performance.now() - this.t0) / 1000;
  }

  compute(): number {
    return this.elapsed > 0 ? this.acc / this.elapsed : 0;
  }

  override completed(engine: Engine, name: string): void {
    engine.state.metrics[name] = Math.floor(this.compute());
  }

  /**
   * Attaches with ignite's signature: reset each epoch, update every iteration, write the value
   * on `event`.
   *
   * @example
   * ```ts
   * freq.attach(trainer, 'itemsPerSec', Events.ITERATION_COMPLETED({ every: 50 }));
   * ```
   */
  override attach(engine: Engine, name: string, event: CallableEventWithFilter | MetricUsage | MetricUsageName = Events.ITERATION_COMPLETED): void {
    if (!isEvent(event)) event = toUsage(event, 'Frequency.attach').COMPLETED;
    engine.addEventHandler(Events.EPOCH_STARTED, this.startedHandler);
    engine.addEventHandler(Events.ITERATION_COMPLETED, this.iterationCompletedHandler);
    engine.addEventHandler(event, this.completedHandler, name);
  }
}
