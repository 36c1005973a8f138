import { pairwiseDistance, sum, type Tensor } from '@dl/core';
import type { MetricOptions } from './metric';
import { SummedRegressionMetric } from './regression-metric';

/** Options of {@link MeanPairwiseDistance}. */
export interface MeanPairwiseDistanceOptions extends MetricOptions<[Tensor, Tensor]> {
  /** The norm's exponent. @default 2 */
  p?: number;
  /** Added to the difference before the norm (as PyTorch's `pairwise_distance`). @default 1e-6 */
  eps?: number;
}

/**
 * The mean p-norm distance between the rows of `yPred` and `y` (ignite's `MeanPairwiseDistance`).
 *
 * @example
 * ```ts
 * new MeanPairwiseDistance({ p: 2 }).attach(evaluator, 'distance');
 * ```
 */
export class MeanPairwiseDistance extends SummedRegressionMetric {
  /** The norm's exponent. */
  readonly p: number;
  /** The epsilon added to the difference. */
  readonly eps: number;

  constructor(options: MeanPairwiseDistanceOptions = {}) {
    super(options);
    this.p = options.p ?? 2;
    this.eps = options.eps ?? 1e-6;
    this.reset();
  }

  protected batchSum(yPred: Tensor, y: Tensor): Tensor {
    return sum(pairwiseDistance(yPred, y, { p: this.p, eps: this.eps }));
  }

  compute(): number {
    return this.meanValue();
  }
}
