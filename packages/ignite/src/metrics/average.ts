import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';
import { addAccumulated, batchContribution, type Accumulated, type AccumulationInput } from './variable-accumulation';

/**
 * The arithmetic mean of the outputs (ignite's `Average`): numbers, or Tensors averaged over
 * their batch dimension (per feature for `[N, D]`).
 *
 * @example
 * ```ts
 * const avg = new Average();
 * avg.update(1); avg.update(3);
 * avg.compute(); // 2
 * ```
 */
export class Average extends Metric<AccumulationInput, Accumulated> {
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
    const { value, count } = batchContribution(output, 'Average.update');
    this.accumulator = addAccumulated(this.accumulator, value, 'Average.update');
    this.numExamples += count;
  }

  compute(): Accumulated {
    if (this.numExamples < 1) throw new NotComputableError('Average must have at least one example before it can be computed.');
    const n = this.numExamples;
    return typeof this.accumulator === 'number' ? this.accumulator / n : this.accumulator.map((v) => v / n);
  }
}
