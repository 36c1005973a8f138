import { ValueError, argmax, scope, type Tensor } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { Metric, type MetricOptions } from './metric';
import { shapeText, tensorPair, values } from './tensor-pair';

/** How {@link ConfusionMatrix} normalizes: by sample count, by row (recall) or by column (precision). */
export type ConfusionMatrixAverage = 'samples' | 'recall' | 'precision';

/** Options of {@link ConfusionMatrix}. */
export interface ConfusionMatrixOptions extends MetricOptions<[Tensor, Tensor]> {
  /** Normalize the counts; none keeps integer counts. @default undefined */
  average?: ConfusionMatrixAverage;
}

/**
 * The confusion matrix (ignite's `ConfusionMatrix`): rows are targets, columns predictions
 * (argmax of `yPred` `[N, C, ...]` against `y` `[N, ...]`); targets outside `[0, C)` are ignored,
 * as segmentation masks need. Compute returns a `numClasses × numClasses` array of arrays.
 *
 * @example
 * ```ts
 * const cm = new ConfusionMatrix(4);
 * cm.attach(evaluator, 'cm');
 * mIoU(cm).attach(evaluator, 'mIoU');
 * ```
 */
export class ConfusionMatrix extends Metric<[Tensor, Tensor], number[][]> {
  protected override readonly stateKeys = ['matrix', 'numExamples'];
  /** The number of classes. */
  readonly numClasses: number;
  /** The normalization, if any. */
  readonly average: ConfusionMatrixAverage | undefined;
  private matrix: number[][] = [];
  private numExamples = 0;

  constructor(numClasses: number, options: ConfusionMatrixOptions = {}) {
    super(options);
    if (options.average !== undefined && !['samples', 'recall', 'precision'].includes(options.average)) {
      throw new ValueError(`ConfusionMatrix: average can be undefined or one of 'samples', 'recall', 'precision', got ${JSON.stringify(options.average)}`);
    }
    if (!Number.isInteger(numClasses) || numClasses <= 1) throw new ValueError(`ConfusionMatrix: numClasses needs to be an integer > 1, got ${String(numClasses)}`);
    this.numClasses = numClasses;
    this.average = options.average;
    this.reset();
  }

  reset(): void {
    this.matrix = Array.from({ length: this.numClasses }, () => new Array<number>(this.numClasses).fill(0));
    this.numExamples = 0;
  }

  private checkShape(yPred: Tensor, y: Tensor): void {
    const n = this.numClasses;
    if (yPred.ndim < 2) throw new ValueError(`ConfusionMatrix: y_pred must have shape (batch_size, num_classes (currently set to ${n}), ...), but given ${shapeText(yPred.shape)}`);
    if (yPred.shape[1] !== n) throw new ValueError(`ConfusionMatrix: y_pred does not have correct number of classes: ${yPred.shape[1]} vs ${n}`);
    if (y.ndim + 1 !== yPred.ndim) {
      throw new ValueError(`ConfusionMatrix: y_pred must have shape (batch_size, num_classes (currently set to ${n}), ...) and y must have shape of (batch_size, ...), but given ${shapeText(y.shape)} vs ${shapeText(yPred.shape)}`);
    }
    const predShape = [yPred.shape[0], ...yPred.shape.slice(2)];
    if (shapeText(predShape) !== shapeText(y.shape)) throw new ValueError(`ConfusionMatrix: y and y_pred must have compatible shapes, got ${shapeText(y.shape)} vs ${shapeText(yPred.shape)}`);
  }

  update(output: [Tensor, Tensor]): void {
    const [yPred, y] = tensorPair(output, 'ConfusionMatrix.update');
    this.checkShape(yPred, y);
    this.numExamples += yPred.shape[0];
    const n = this.numClasses;
    scope(() => {
      const pred = values(argmax(yPred, 1));
      const target = values(y);
      for (let i = 0; i < target.length; i++) {
        const t = target[i];
        if (t >= 0 && t < n && Number.isInteger(t)) this.matrix[t][pred[i]] += 1;
      }
    });
  }

  compute(): number[][] {
    if (this.numExamples === 0) throw new NotComputableError('Confusion matrix must have at least one example before it can be computed.');
    const m = this.matrix;
    if (this.average === 'samples') return m.map((row) => row.map((v) => v / this.numExamples));
    if (this.average === 'recall') return m.map((row) => {
      const s = row.reduce((a, b) => a + b, 0) + 1e-15;
      return row.map((v) => v / s);
    });
    if (this.average === 'precision') {
      const col = m[0].map((_, j) => m.reduce((a, row) => a + row[j], 0) + 1e-15);
      return m.map((row) => row.map((v, j) => v / col[j]));
    }
    return m.map((row) => row.slice());
  }
}
