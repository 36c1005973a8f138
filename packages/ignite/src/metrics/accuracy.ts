import { scope, type Tensor } from '@dl/core';
import { NotComputableError } from '../errors/not-computable-error';
import { ClassificationMetric, labelRows, predictedClasses, type ClassificationOptions } from './classification-base';
import { tensorPair, values } from './tensor-pair';

/**
 * The fraction of correct predictions (ignite's `Accuracy`): binary (`yPred` 0/1 like `y`),
 * multiclass (`yPred` scores `[N, C, ...]`, `y` class indices `[N, ...]`) or multilabel
 * (`isMultilabel`, both 0/1 `[N, C, ...]`; a sample counts when all its labels match).
 *
 * @example
 * ```ts
 * const acc = new Accuracy();
 * acc.update([dl.tensor([[0.1, 0.9], [0.8, 0.2]]), dl.tensor([1, 1], { dtype: 'int32' })]);
 * acc.compute(); // 0.5
 * ```
 */
export class Accuracy extends ClassificationMetric<number> {
  protected override readonly stateKeys = ['numCorrect', 'numExamples', 'type', 'numClasses'];
  private numCorrect = 0;
  private numExamples = 0;

  constructor(options: ClassificationOptions<[Tensor, Tensor]> = {}) {
    super(options);
    this.reset();
  }

  reset(): void {
    this.numCorrect = 0;
    this.numExamples = 0;
    this.resetType();
  }

  update(output: [Tensor, Tensor]): void {
    const [yPred, y] = tensorPair(output, 'Accuracy.update');
    this.checkShape(yPred, y);
    this.checkType(yPred, y);
    const [correct, total] = scope(() => {
      if (this.type === 'multiclass') {
        const pred = predictedClasses(yPred);
        const target = values(y);
        let c = 0;
        for (let i = 0; i < pred.length; i++) if (pred[i] === target[i]) c++;
        return [c, pred.length];
      }
      if (this.type === 'binary') {
        const p = values(yPred);
        const t = values(y);
        let c = 0;
        for (let i = 0; i < p.length; i++) if (p[i] === t[i]) c++;
        return [c, p.length];
      }
      const k = yPred.shape[1];
      const p = labelRows(yPred);
      const t = labelRows(y);
      const rows = p.length / k;
      let c = 0;
      for (let r = 0; r < rows; r++) {
        let ok = true;
        for (let j = r * k; j < (r + 1) * k && ok; j++) ok = p[j] === t[j];
        if (ok) c++;
      }
      return [c, rows];
    });
    this.numCorrect += correct;
    this.numExamples += total;
  }

  compute(): number {
    if (this.numExamples === 0) throw new NotComputableError('Accuracy must have at least one example before it can be computed.');
    return this.numCorrect / this.numExamples;
  }
}
