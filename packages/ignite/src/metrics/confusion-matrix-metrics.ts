import { ValueError } from '@dl/core';
import { ConfusionMatrix } from './confusion-matrix';
import { MetricsLambda } from './metrics-lambda';

const diag = (m: number[][]) => m.map((row, i) => row[i]);
const rowSums = (m: number[][]) => m.map((row) => row.reduce((a, b) => a + b, 0));
const colSums = (m: number[][]) => m[0].map((_, j) => m.reduce((a, row) => a + row[j], 0));
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

function checkCm(cm: unknown, op: string, ignoreIndex?: number): asserts cm is ConfusionMatrix {
  if (!(cm instanceof ConfusionMatrix)) throw new ValueError(`${op}: cm should be an instance of ConfusionMatrix, but given ${cm === null ? 'null' : typeof cm}`);
  if (ignoreIndex !== undefined && !(Number.isInteger(ignoreIndex) && ignoreIndex >= 0 && ignoreIndex < cm.numClasses)) {
    throw new ValueError(`${op}: ignoreIndex should be an integer in the range of [0, ${cm.numClasses}), but given ${String(ignoreIndex)}`);
  }
}

const dropIndex = (v: number[], i: number | undefined) => (i === undefined ? v : v.filter((_, j) => j !== i));

/**
 * Intersection over union per class from a confusion matrix (ignite's `IoU`, also `JaccardIndex`):
 * TP / (TP + FP + FN); `ignoreIndex` drops one class (often the background).
 *
 * @example
 * ```ts
 * const cm = new ConfusionMatrix(3);
 * IoU(cm).attach(evaluator, 'IoU'); // [0.17, 0.14, 0.22]
 * ```
 */
export function IoU(cm: ConfusionMatrix, options: { ignoreIndex?: number } = {}): MetricsLambda<number[]> {
  checkCm(cm, 'IoU', options.ignoreIndex);
  if (!(cm.average === undefined || cm.average === 'samples')) throw new ValueError("IoU: ConfusionMatrix should have average attribute either undefined or 'samples'");
  return new MetricsLambda((m: number[][]) => {
    const d = diag(m);
    const r = rowSums(m);
    const c = colSums(m);
    return dropIndex(
      d.map((v, i) => v / (r[i] + c[i] - v + 1e-15)),
      options.ignoreIndex,
    );
  }, cm);
}

/**
 * The mean of {@link IoU} over classes (ignite's `mIoU`).
 *
 * @example
 * ```ts
 * mIoU(new ConfusionMatrix(21), { ignoreIndex: 0 }).attach(evaluator, 'mIoU');
 * ```
 */
export function mIoU(cm: ConfusionMatrix, options: { ignoreIndex?: number } = {}): MetricsLambda<number> {
  const iou = IoU(cm, options);
  return new MetricsLambda((v: number[]) => mean(v), iou);
}

/** Same as {@link IoU} (ignite's `JaccardIndex`). @example `JaccardIndex(cm).attach(evaluator, 'jaccard');` */
export function JaccardIndex(cm: ConfusionMatrix, options: { ignoreIndex?: number } = {}): MetricsLambda<number[]> {
  return IoU(cm, options);
}

/**
 * The Dice coefficient per class from a confusion matrix (ignite's `DiceCoefficient`):
 * 2·TP / (2·TP + FP + FN).
 *
 * @example
 * ```ts
 * DiceCoefficient(cm, { ignoreIndex: 0 }).attach(evaluator, 'dice');
 * ```
 */
export function DiceCoefficient(cm: ConfusionMatrix, options: { ignoreIndex?: number } = {}): MetricsLambda<number[]> {
  checkCm(cm, 'DiceCoefficient', options.ignoreIndex);
  return new MetricsLambda((m: number[][]) => {
    const d = diag(m);
    const r = rowSums(m);
    const c = colSums(m);
    return dropIndex(
      d.map((v, i) => (2 * v) / (r[i] + c[i] + 1e-15)),
      options.ignoreIndex,
    );
  }, cm);
}

/**
 * Accuracy from a confusion matrix (ignite's `cmAccuracy`): trace / total.
 *
 * @example
 * ```ts
 * cmAccuracy(cm).attach(evaluator, 'accuracy');
 * ```
 */
export function cmAccuracy(cm: ConfusionMatrix): MetricsLambda<number> {
  checkCm(cm, 'cmAccuracy');
  return new MetricsLambda((m: number[][]) => diag(m).reduce((a, b) => a + b, 0) / (rowSums(m).reduce((a, b) => a + b, 0) + 1e-15), cm);
}

/**
 * Precision from a confusion matrix (ignite's `cmPrecision`): per class, or their mean.
 *
 * @example
 * ```ts
 * cmPrecision(cm, { average: false }).attach(evaluator, 'precision');
 * ```
 */
export function cmPrecision(cm: ConfusionMatrix, options: { average?: boolean } = {}): MetricsLambda<number | number[]> {
  checkCm(cm, 'cmPrecision');
  return new MetricsLambda((m: number[][]) => {
    const c = colSums(m);
    const v = diag(m).map((x, i) => x / (c[i] + 1e-15));
    return (options.average ?? true) ? mean(v) : v;
  }, cm);
}

/**
 * Recall from a confusion matrix (ignite's `cmRecall`): per class, or their mean.
 *
 * @example
 * ```ts
 * cmRecall(cm).attach(evaluator, 'recall');
 * ```
 */
export function cmRecall(cm: ConfusionMatrix, options: { average?: boolean } = {}): MetricsLambda<number | number[]> {
  checkCm(cm, 'cmRecall');
  return new MetricsLambda((m: number[][]) => {
    const r = rowSums(m);
    const v = diag(m).map((x, i) => x / (r[i] + 1e-15));
    return (options.average ?? true) ? mean(v) : v;
  }, cm);
}
