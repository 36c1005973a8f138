import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';
import { addAccumulated, batchContribution, type Accumulated, type AccumulationInput } from './variable-accumulation';

/**
 * The geometric mean of the outputs (ignite's `GeometricAverage`): exp of the mean log, over
 * numbers or over the batch dimension of Tensors.
 *
 * @example
 * ```ts
 * const g = new GeometricAverage();
 * g.update(1); g.update(4);
 * g.compute(); // 2
 * ```
 */
export class GeometricAverage extends Metric<AccumulationInput, Accumulated> {
  override readonly requiredOutputKeys = null;
  protected override readonly stateKeys = ['accumulator', 'numExamples'];
  private accumulator: Accumulated = 0;
  private numExamples = 0;

  constructor(options: MetricOptions<AccumulationInput> = {}) {
    super(options);
    this.reset();
  }

  reset(): void {
    this.accumulator = 0;
    this.numExamples = 0;
  }

  update(output: AccumulationInput): void {
    const { value, count } = batchContribution(output, 'GeometricAverage.update', Math.log);
    this.accumulator = addAccumulated(this.accumulator, value, 'GeometricAverage.update');
    this.numExamples += count;
  }

  compute(): Accumulated {
    if (this.numExamples < 1) throw new NotComputableError('GeometricAverage must have at least one example before it can be computed.');
    const n = this.numExamples;
    return typeof this.accumulator === 'number' ? Math.exp(this.accumulator / n) : this.accumulator.map((v) => Math.exp(v / n));
  }
}
