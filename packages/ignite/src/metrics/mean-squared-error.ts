import { square, sub, sum, type Tensor } from '@dl/core';
import type { MetricOptions } from './metric';
import { SummedRegressionMetric } from './regression-metric';

/**
 * The mean squared error (ignite's `MeanSquaredError`): the sum of (yPred − y)² over all
 * elements, divided by the number of samples (rows).
 *
 * @example
 * ```ts
 * new MeanSquaredError().attach(evaluator, 'mse');
 * ```
 */
export class MeanSquaredError extends SummedRegressionMetric {
  constructor(options: MetricOptions<[Tensor, Tensor]> = {}) {
    super(options);
    this.reset();
  }

  protected batchSum(yPred: Tensor, y: Tensor): Tensor {
    return sum(square(sub(yPred, y)));
  }

  compute(): number {
    return this.meanValue();
  }
}
