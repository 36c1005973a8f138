import { PrecisionRecallBase, type PrecisionRecallOptions } from './precision-recall-base';

/**
 * Recall, TP / (TP + FN) (ignite's `Recall`), per class or averaged (`average`: `false`,
 * `'macro'`, `'micro'`, `'weighted'`, `'samples'`), for binary, multiclass and multilabel input.
 *
 * @example
 * ```ts
 * const recall = new Recall({ average: false }); // one value per class
 * recall.attach(evaluator, 'recall');
 * ```
 */
export class Recall extends PrecisionRecallBase {
  protected readonly denominatorSide = 'target' as const;

  constructor(options: PrecisionRecallOptions = {}) {
    super(options);
    this.reset();
  }
}
