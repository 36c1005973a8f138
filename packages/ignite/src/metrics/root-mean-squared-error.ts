import type { Tensor } from '@dl/core';
import type { MetricOptions } from './metric';
import { MeanSquaredError } from './mean-squared-error';

/**
 * The square root of {@link MeanSquaredError} (ignite's `RootMeanSquaredError`).
 *
 * @example
 * ```ts
 * new RootMeanSquaredError().attach(evaluator, 'rmse');
 * ```
 */
export class RootMeanSquaredError extends MeanSquaredError {
  constructor(options: MetricOptions<[Tensor, Tensor]> = {}) {
    super(options);
  }

  override compute(): number {
    return Math.sqrt(super.compute());
  }
}
