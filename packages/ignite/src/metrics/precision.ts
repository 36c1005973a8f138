import { PrecisionRecallBase, type PrecisionRecallOptions } from './precision-recall-base';

/**
 * Precision, TP / (TP + FP) (ignite's `Precision`), per class or averaged (`average`: `false`,
 * `'macro'`, `'micro'`, `'weighted'`, `'samples'`), for binary, multiclass and multilabel input.
 *
 * @example
 * ```ts
 * const precision = new Precision({ average: 'macro' });
 * precision.attach(evaluator, 'precision');
 * ```
 */
export class Precision extends PrecisionRecallBase {
  protected readonly denominatorSide = 'prediction' as const;

  constructor(options: PrecisionRecallOptions = {}) {
    super(options);
    this.reset();
  }
}
