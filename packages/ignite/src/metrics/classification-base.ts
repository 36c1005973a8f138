import { type Tensor, ValueError, argmax, permute, reshape } from '@dl/core';
import { Metric, type MetricOptions } from './metric';
import type { MetricValue } from './metric-value';
import { shapeText, values } from './tensor-pair';

/** The kind of classification input, decided from the shapes (ignite's `_type`). */
export type ClassificationType = 'binary' | 'multiclass' | 'multilabel';

/** Options of classification metrics. */
export interface ClassificationOptions<I> extends MetricOptions<I> {
  /** `y` and `yPred` are 0/1 label matrices `[N, C, ...]`. @default false */
  isMultilabel?: boolean;
}

/**
 * @internal Shape and type checks shared by Accuracy, Precision and Recall (ignite's
 * `_BaseClassification`), with ignite's messages.
 */
export abstract class ClassificationMetric<V extends MetricValue> extends Metric<[Tensor, Tensor], V> {
  protected readonly isMultilabel: boolean;
  protected type: ClassificationType | null = null;
  protected numClasses: number | null = null;

  constructor(options: ClassificationOptions<[Tensor, Tensor]> = {}) {
    super(options);
    this.isMultilabel = options.isMultilabel ?? false;
  }

  /** Forgets the input type so the next batch may set it again. */
  protected resetType(): void {
    this.type = null;
    this.numClasses = null;
  }

  protected checkShape(yPred: Tensor, y: Tensor): void {
    const op = this.constructor.name;
    if (!(y.ndim === yPred.ndim || y.ndim + 1 === yPred.ndim)) {
      throw new ValueError(
        `${op}: y must have shape of (batch_size, ...) and y_pred must have shape of (batch_size, num_categories, ...) or (batch_size, ...), but given ${shapeText(y.shape)} vs ${shapeText(yPred.shape)}`,
      );
    }
    const predShape = y.ndim + 1 === yPred.ndim ? [yPred.shape[0], ...yPred.shape.slice(2)] : yPred.shape;
    if (shapeText(predShape) !== shapeText(y.shape)) throw new ValueError(`${op}: y and y_pred must have compatible shapes, got ${shapeText(y.shape)} vs ${shapeText(yPred.shape)}`);
    if (this.isMultilabel && !(shapeText(y.shape) === shapeText(yPred.shape) && y.ndim > 1 && y.shape[1] > 1)) {
      throw new ValueError(`${op}: y and y_pred must have same shape of (batch_size, num_categories, ...) and num_categories > 1, got ${shapeText(y.shape)} vs ${shapeText(yPred.shape)}`);
    }
  }

  private checkBinary(t: Tensor, which: string): void {
    const v = values(t);
    for (let i = 0; i < v.length; i++) {
      if (v[i] !== 0 && v[i] !== 1) throw new ValueError(`${this.constructor.name}: for binary cases, ${which} must be comprised of 0's and 1's (found ${v[i]})`);
    }
  }

  protected checkType(yPred: Tensor, y: Tensor): void {
    const op = this.constructor.name;
    let type: ClassificationType;
    let numClasses: number;
    if (y.ndim + 1 === yPred.ndim) {
      numClasses = yPred.shape[1];
      if (numClasses === 1) {
        type = 'binary';
        this.checkBinary(y, 'y');
        this.checkBinary(yPred, 'y_pred');
      } else type = 'multiclass';
    } else {
      this.checkBinary(y, 'y');
      this.checkBinary(yPred, 'y_pred');
      if (this.isMultilabel) {
        type = 'multilabel';
        numClasses = yPred.shape[1];
      } else {
        type = 'binary';
        numClasses = 1;
      }
    }
    if (this.type === null) {
      this.type = type;
      this.numClasses = numClasses;
    } else {
      if (this.type !== type) throw new ValueError(`${op}: input data type has changed from ${this.type} to ${type}`);
      if (this.numClasses !== numClasses) throw new ValueError(`${op}: input data number of classes has changed from ${this.numClasses} to ${numClasses}`);
    }
  }
}

/** @internal Class indices of a multiclass prediction: argmax over dim 1, flattened. */
export function predictedClasses(yPred: Tensor): ArrayLike<number> {
  return values(argmax(yPred, 1));
}

/** @internal A `[N, C, ...]` label tensor as rows of C: `[N·..., C]` values, row-major. */
export function labelRows(t: Tensor): ArrayLike<number> {
  if (t.ndim === 2) return values(t);
  const order = [0, ...Array.from({ length: t.ndim - 2 }, (_, i) => i + 2), 1];
  return values(reshape(permute(t, order), [-1, t.shape[1]]));
}
