import { ValueError, scope, topk, type Tensor } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';
import { tensorPair, values } from './tensor-pair';

/** Options of {@link TopKCategoricalAccuracy}. */
export interface TopKCategoricalAccuracyOptions extends MetricOptions<[Tensor, Tensor]> {
  /** How many top-scored classes may contain the target. @default 5 */
  k?: number;
}

/**
 * The fraction of samples whose target is among the `k` highest scores (ignite's
 * `TopKCategoricalAccuracy`); `yPred` `[N, C]`, `y` class indices `[N]`.
 *
 * @example
 * ```ts
 * new TopKCategoricalAccuracy({ k: 2 }).attach(evaluator, 'top2');
 * ```
 */
export class TopKCategoricalAccuracy extends Metric<[Tensor, Tensor], number> {
  protected override readonly stateKeys = ['numCorrect', 'numExamples'];
  /** How many top classes count. */
  readonly k: number;
  private numCorrect = 0;
  private numExamples = 0;

  constructor(options: TopKCategoricalAccuracyOptions = {}) {
    super(options);
    const k = options.k ?? 5;
    if (!(Number.isInteger(k) && k > 0)) throw new ValueError(`TopKCategoricalAccuracy: k should be a positive integer, got ${String(k)}`);
    this.k = k;
    this.reset();
  }

  reset(): void {
    this.numCorrect = 0;
    this.numExamples = 0;
  }

  update(output: [Tensor, Tensor]): void {
    const [yPred, y] = tensorPair(output, 'TopKCategoricalAccuracy.update');
    if (yPred.ndim !== 2 || y.ndim !== 1 || y.shape[0] !== yPred.shape[0]) {
      throw new ValueError(`TopKCategoricalAccuracy.update: expected yPred [N, C] and y [N], got [${yPred.shape.join(', ')}] and [${y.shape.join(', ')}]`);
    }
    if (this.k > yPred.shape[1]) throw new ValueError(`TopKCategoricalAccuracy.update: k=${this.k} is larger than the number of classes ${yPred.shape[1]}`);
    const correct = scope(() => {
      const idx = values(topk(yPred, this.k, { dim: 1 }).indices);
      const target = values(y);
      let c = 0;
      for (let i = 0; i < target.length; i++) {
        for (let j = 0; j < this.k; j++) {
          if (idx[i * this.k + j] === target[i]) {
            c++;
            break;
          }
        }
      }
      return c;
    });
    this.numCorrect += correct;
    this.numExamples += y.shape[0];
  }

  compute(): number {
    if (this.numExamples === 0) throw new NotComputableError('TopKCategoricalAccuracy must have at least one example before it can be computed.');
    return this.numCorrect / this.numExamples;
  }
}
