import { abs, sub, sum, type Tensor } from '@dl/core';
import type { MetricOptions } from './metric';
import { SummedRegressionMetric } from './regression-metric';

/**
 * The mean absolute error (ignite's `MeanAbsoluteError`): the sum of |yPred − y| over all
 * elements, divided by the number of samples (rows).
 *
 * @example
 * ```ts
 * new MeanAbsoluteError().attach(evaluator, 'mae');
 * ```
 */
export class MeanAbsoluteError extends SummedRegressionMetric {
  constructor(options: MetricOptions<[Tensor, Tensor]> = {}) {
    super(options);
    this.reset();
  }

  protected batchSum(yPred: Tensor, y: Tensor): Tensor {
    return sum(abs(sub(yPred, y)));
  }

  compute(): number {
    return this.meanValue();
  }
}
