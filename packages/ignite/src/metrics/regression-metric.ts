import { ValueError, scope, type Tensor } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';
import { shapeText, tensorPair } from './tensor-pair';

/**
 * @internal Regression metrics that sum a per-batch quantity and divide by the number of samples
 * (rows) seen: MAE, MSE, RMSE, MeanPairwiseDistance.
 */
export abstract class SummedRegressionMetric extends Metric<[Tensor, Tensor], number> {
  protected override readonly stateKeys = ['sumOfValues', 'numExamples'];
  private sumOfValues = 0;
  private numExamples = 0;

  constructor(options: MetricOptions<[Tensor, Tensor]> = {}) {
    super(options);
  }

  /** The batch's summed quantity, as a scalar Tensor. */
  protected abstract batchSum(yPred: Tensor, y: Tensor): Tensor;

  reset(): void {
    this.sumOfValues = 0;
    this.numExamples = 0;
  }

  update(output: [Tensor, Tensor]): void {
    const op = `${this.constructor.name}.update`;
    const [yPred, y] = tensorPair(output, op);
    if (shapeText(yPred.shape) !== shapeText(y.shape)) throw new ValueError(`${op}: input data shapes should be the same, but given ${shapeText(yPred.shape)} and ${shapeText(y.shape)}`);
    this.sumOfValues += scope(() => this.batchSum(yPred, y).item());
    this.numExamples += y.ndim === 0 ? 1 : y.shape[0];
  }

  /** The sum divided by the number of samples. */
  protected meanValue(): number {
    if (this.numExamples === 0) throw new NotComputableError(`${this.constructor.name} must have at least one example before it can be computed.`);
    return this.sumOfValues / this.numExamples;
  }
}
