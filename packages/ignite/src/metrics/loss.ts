import { Tensor, ValueError, nn, scope } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';

/** A loss: a function `(yPred, y, kwargs?) => scalar Tensor`, or a loss module (`nn.CrossEntropyLoss`). */
export type LossFunction = ((yPred: Tensor, y: Tensor, kwargs?: Record<string, unknown>) => Tensor) | { forward(yPred: Tensor, y: Tensor): Tensor };

/** Options of {@link Loss}. */
export interface LossOptions extends MetricOptions<[Tensor, Tensor] | [Tensor, Tensor, Record<string, unknown>]> {
  /** The number of samples in a batch, from `y`. @default (y) => y.shape[0] */
  batchSize?: (y: Tensor) => number;
}

/**
 * The average of a loss over all samples (ignite's `Loss`): each batch's mean loss weighted by its
 * size. The output is `[yPred, y]` or `[yPred, y, kwargs]` (kwargs go to the loss function).
 *
 * @example
 * ```ts
 * new Loss(dl.crossEntropy).attach(evaluator, 'loss');
 * new Loss(new nn.CrossEntropyLoss()).attach(evaluator, 'nll');
 * ```
 */
export class Loss extends Metric<[Tensor, Tensor] | [Tensor, Tensor, Record<string, unknown>], number> {
  override readonly optionalOutputKeys = ['criterionKwargs'];
  protected override readonly stateKeys = ['total', 'numExamples'];
  private readonly lossFn: LossFunction;
  private readonly batchSize: (y: Tensor) => number;
  private total = 0;
  private numExamples = 0;

  constructor(lossFn: LossFunction, options: LossOptions = {}) {
    super(options);
    if (typeof lossFn !== 'function' && !(lossFn !== null && typeof lossFn === 'object' && typeof lossFn.forward === 'function')) {
      throw new ValueError(`Loss: lossFn should be a function (yPred, y) => Tensor or a loss module, got ${lossFn === null ? 'null' : typeof lossFn}`);
    }
    this.lossFn = lossFn;
    this.batchSize = options.batchSize ?? ((y: Tensor) => y.shape[0] ?? 1);
    this.reset();
  }

  reset(): void {
    this.total = 0;
    this.numExamples = 0;
  }

  update(output: [Tensor, Tensor] | [Tensor, Tensor, Record<string, unknown>]): void {
    if (!Array.isArray(output) || (output.length !== 2 && output.length !== 3) || !(output[0] instanceof Tensor)) {
      throw new ValueError(`Loss.update: expected the output [yPred, y] or [yPred, y, kwargs], got ${Array.isArray(output) ? `an array of ${output.length}` : typeof output}`);
    }
    const [yPred, y, kwargs] = output;
    const value = scope(() => {
      const fn = this.lossFn;
      let l: Tensor;
      if (typeof fn === 'function') l = kwargs === undefined ? fn(yPred, y) : fn(yPred, y, kwargs);
      else if (fn instanceof nn.Module) l = (fn as unknown as { call(a: Tensor, b: Tensor): Tensor }).call(yPred, y);
      else l = fn.forward(yPred, y);
      if (!(l instanceof Tensor) || l.ndim !== 0) throw new ValueError(`Loss.update: lossFn did not return the average loss (a scalar Tensor), got ${l instanceof Tensor ? `shape [${l.shape.join(', ')}]` : typeof l}`);
      return l.item();
    });
    const n = this.batchSize(y);
    this.total += value * n;
    this.numExamples += n;
  }

  compute(): number {
    if (this.numExamples === 0) throw new NotComputableError('Loss must have at least one example before it can be computed.');
    return this.total / this.numExamples;
  }
}
