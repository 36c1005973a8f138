import { ValueError, scope, type Tensor } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { ClassificationMetric, labelRows, predictedClasses, type ClassificationOptions } from './classification-base';
import { tensorPair, values } from './tensor-pair';

/** How Precision and Recall average over classes (ignite's `average`; `true` means `'macro'`). */
export type PrecisionRecallAverage = false | true | 'macro' | 'micro' | 'weighted' | 'samples';

/** Options of {@link Precision} and {@link Recall}. */
export interface PrecisionRecallOptions extends ClassificationOptions<[Tensor, Tensor]> {
  /**
   * `false`: one value per class (a number for binary input); `'macro'` (or `true`): their mean;
   * `'micro'`: from the summed counts; `'weighted'`: mean weighted by each class's support;
   * `'samples'`: per-sample values averaged (multilabel only). @default false
   */
  average?: PrecisionRecallAverage;
}

const EPS = 1e-20;

/** Per-batch counts a subclass accumulates: the part of the fraction over the whole. */
interface Counts {
  numerator: number | number[];
  denominator: number | number[];
  weight?: number[];
}

/** @internal One-hot rows `[N, C]` (as flat 0/1 values) of class indices. */
function oneHotRows(indices: ArrayLike<number>, numClasses: number): Float64Array {
  const out = new Float64Array(indices.length * numClasses);
  for (let i = 0; i < indices.length; i++) out[i * numClasses + indices[i]] = 1;
  return out;
}

/**
 * @internal Shared accumulation of Precision and Recall (ignite's `_BasePrecisionRecall`). The
 * subclass says which of prediction or target is the denominator.
 */
export abstract class PrecisionRecallBase extends ClassificationMetric<number | number[]> {
  protected override readonly stateKeys = ['numerator', 'denominator', 'weight', 'updated', 'type', 'numClasses'];
  /** The average mode (`true` normalized to `'macro'`). */
  readonly average: Exclude<PrecisionRecallAverage, true>;
  private numerator: number | number[] = 0;
  private denominator: number | number[] = 0;
  private weight: number | number[] = 0;
  private updated = false;

  constructor(options: PrecisionRecallOptions = {}) {
    super(options);
    const average = options.average ?? false;
    if (!(average === false || average === true || average === 'macro' || average === 'micro' || average === 'weighted' || average === 'samples')) {
      throw new ValueError(`${new.target.name}: average should be a boolean or one of 'macro', 'micro', 'weighted' and 'samples', got ${JSON.stringify(average)}`);
    }
    this.average = average === true ? 'macro' : average;
  }

  /** Which side is the denominator: the predicted positives (precision) or the actual ones (recall). */
  protected abstract readonly denominatorSide: 'prediction' | 'target';

  reset(): void {
    this.numerator = 0;
    this.denominator = 0;
    this.weight = 0;
    this.updated = false;
    this.resetType();
  }

  protected override checkType(yPred: Tensor, y: Tensor): void {
    super.checkType(yPred, y);
    if ((this.type === 'binary' || this.type === 'multiclass') && this.average === 'samples') {
      throw new ValueError(`${this.constructor.name}: average='samples' is incompatible with binary and multiclass input data`);
    }
  }

  /** Prediction and target as flat 0/1 rows of `k` columns. */
  private prepare(yPred: Tensor, y: Tensor): { p: ArrayLike<number>; t: ArrayLike<number>; k: number } {
    const type = this.type;
    if (type === 'binary' || type === 'multiclass') {
      const k = type === 'binary' ? 2 : yPred.shape[1];
      const target = values(y);
      if (type === 'multiclass') {
        let max = -Infinity;
        for (let i = 0; i < target.length; i++) max = Math.max(max, target[i]);
        if (max + 1 > k) {
          throw new ValueError(`${this.constructor.name}: y_pred contains fewer classes than y. Number of classes in the prediction is ${k} and an element in y has invalid class = ${max + 1}`);
        }
      }
      if (type === 'binary' && this.average === false) return { p: values(yPred), t: target, k: 1 };
      const pred = type === 'multiclass' ? predictedClasses(yPred) : values(yPred);
      return { p: oneHotRows(pred, k), t: oneHotRows(target, k), k };
    }
    const k = yPred.shape[1];
    return { p: labelRows(yPred), t: labelRows(y), k };
  }

  private counts(yPred: Tensor, y: Tensor): Counts {
    const { p, t, k } = this.prepare(yPred, y);
    const rows = p.length / k;
    const denomSide = this.denominatorSide === 'prediction' ? p : t;
    if (this.average === 'samples') {
      let sum = 0;
      for (let r = 0; r < rows; r++) {
        let tp = 0;
        let pos = 0;
        for (let j = r * k; j < (r + 1) * k; j++) {
          tp += p[j] * t[j];
          pos += denomSide[j];
        }
        sum += tp / (pos + EPS);
      }
      return { numerator: sum, denominator: rows };
    }
    const tp = new Array<number>(k).fill(0);
    const pos = new Array<number>(k).fill(0);
    const support = new Array<number>(k).fill(0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < k; c++) {
        const j = r * k + c;
        tp[c] += p[j] * t[j];
        pos[c] += denomSide[j];
        support[c] += t[j];
      }
    }
    if (this.average === 'micro') return { numerator: tp.reduce((a, b) => a + b, 0), denominator: pos.reduce((a, b) => a + b, 0) };
    if (k === 1) return { numerator: tp[0], denominator: pos[0] };
    return { numerator: tp, denominator: pos, weight: this.average === 'weighted' ? support : undefined };
  }

  update(output: [Tensor, Tensor]): void {
    const [yPred, y] = tensorPair(output, `${this.constructor.name}.update`);
    this.checkShape(yPred, y);
    this.checkType(yPred, y);
    const c = scope(() => this.counts(yPred, y));
    this.numerator = addCounts(this.numerator, c.numerator);
    this.denominator = addCounts(this.denominator, c.denominator);
    if (c.weight) this.weight = addCounts(this.weight, c.weight);
    this.updated = true;
  }

  compute(): number | number[] {
    if (!this.updated) throw new NotComputableError(`${this.constructor.name} must have at least one example before it can be computed.`);
    const eps = this.average === 'samples' ? 0 : EPS;
    const num = this.numerator;
    const den = this.denominator;
    if (typeof num === 'number' || typeof den === 'number') return (num as number) / ((den as number) + eps);
    const fraction = num.map((n, i) => n / (den[i] + eps));
    if (this.average === 'weighted') {
      const w = this.weight as number[];
      const total = w.reduce((a, b) => a + b, 0) + EPS;
      return fraction.reduce((s, f, i) => s + f * w[i], 0) / total;
    }
    if (this.average === 'macro') return fraction.reduce((a, b) => a + b, 0) / fraction.length;
    return fraction;
  }
}

function addCounts(acc: number | number[], add: number | number[]): number | number[] {
  if (typeof add === 'number') return (acc as number) + add;
  if (typeof acc === 'number') return add.map((v) => v + acc);
  return acc.map((v, i) => v + add[i]);
}
