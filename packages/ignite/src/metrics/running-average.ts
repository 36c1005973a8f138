import { Tensor, ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import { NotComputableError } from '../errors/not-computable-error';
import { Events } from '../engine/events';
import { Metric, type OutputTransform } from './metric';
import type { MetricValue } from './metric-value';
import { RunningBatchWise, type MetricUsage, type MetricUsageName } from './metric-usage';
import { elementwise } from './value-ops';

/** Options of {@link RunningAverage}. */
export interface RunningAverageOptions {
  /** A metric to average (computed and reset every iteration); omit to average the engine output. @default undefined */
  src?: Metric;
  /** The smoothing factor: `value = value·alpha + (1 − alpha)·new`. @default 0.98 */
  alpha?: number;
  /** Picks the number (or scalar Tensor) to average from the engine output; required without `src`. @default undefined */
  outputTransform?: OutputTransform<number | Tensor>;
  /** Deprecated in ignite: `true` resets every epoch (`'singleEpochRunningBatchWise'`), `false` never. @default undefined */
  epochBound?: boolean;
}

/**
 * An exponential moving average of a metric or of the engine output (ignite's `RunningAverage`),
 * updated every iteration: the smoothed loss a progress bar shows.
 *
 * @example
 * ```ts
 * new RunningAverage({ outputTransform: (loss) => loss as number }).attach(trainer, 'loss');
 * new RunningAverage({ src: new Accuracy({ outputTransform: ([, yPred, y]) => [yPred, y] }) }).attach(trainer, 'acc');
 * ```
 */
export class RunningAverage extends Metric<number | Tensor | MetricValue, MetricValue> {
  override readonly requiredOutputKeys = null;
  protected override readonly stateKeys = ['value', 'src'];
  /** The smoothing factor. */
  readonly alpha: number;
  /** The averaged metric, if any. */
  readonly src: Metric | undefined;
  private readonly epochBound: boolean | undefined;
  private value: MetricValue | null = null;

  constructor(options: RunningAverageOptions = {}) {
    const { src, alpha = 0.98, outputTransform, epochBound } = options;
    if (src !== undefined && !(src instanceof Metric)) throw new ValueError('RunningAverage: src should be a Metric or undefined');
    if (src !== undefined && outputTransform !== undefined) throw new ValueError('RunningAverage: outputTransform should be undefined if src is a Metric');
    if (src === undefined && outputTransform === undefined) {
      throw new ValueError('RunningAverage: outputTransform should not be undefined if src corresponds to the output of process function');
    }
    super({ outputTransform: src === undefined ? outputTransform : (x: unknown) => x as number });
    if (!(typeof alpha === 'number' && alpha > 0 && alpha <= 1)) throw new ValueError(`RunningAverage: alpha should be a number between 0.0 and 1.0, got ${String(alpha)}`);
    this.alpha = alpha;
    this.src = src;
    this.epochBound = epochBound;
    this.reset();
  }

  reset(): void {
    this.value = null;
    this.src?.reset();
  }

  update(output: number | Tensor | MetricValue): void {
    let v: MetricValue;
    if (this.src !== undefined) {
      v = this.src.compute();
      this.src.reset();
    } else if (output instanceof Tensor) {
      v = output.ndim === 0 ? output.item() : (output.tolist() as MetricValue);
    } else if (typeof output === 'number' || Array.isArray(output)) {
      v = output;
    } else {
      throw new ValueError(`RunningAverage.update: expected a number, an array of numbers or a Tensor from outputTransform, got ${output === null ? 'null' : typeof output}`);
    }
    const a = this.alpha;
    this.value = this.value === null ? v : elementwise(this.value, v, (old, x) => old * a + (1 - a) * x, 'RunningAverage.update');
  }

  compute(): MetricValue {
    if (this.value === null) throw new NotComputableError('RunningAverage must have at least one update before it can be computed.');
    return this.value;
  }

  override attach(engine: Engine, name: string, usage: MetricUsage | MetricUsageName = new RunningBatchWise()): void {
    const u = this.epochBound === undefined ? usage : this.epochBound ? 'singleEpochRunningBatchWise' : 'runningBatchWise';
    if (this.src !== undefined && !engine.hasEventHandler(this.src.iterationCompletedHandler, Events.ITERATION_COMPLETED)) {
      engine.addEventHandler(Events.ITERATION_COMPLETED, this.src.iterationCompletedHandler);
    }
    super.attach(engine, name, u);
  }

  override detach(engine: Engine, usage: MetricUsage | MetricUsageName = new RunningBatchWise()): void {
    const u = this.epochBound === undefined ? usage : this.epochBound ? 'singleEpochRunningBatchWise' : 'runningBatchWise';
    if (this.src !== undefined && engine.hasEventHandler(this.src.iterationCompletedHandler, Events.ITERATION_COMPLETED)) {
      engine.removeEventHandler(this.src.iterationCompletedHandler, Events.ITERATION_COMPLETED);
    }
    super.detach(engine, u);
  }
}
