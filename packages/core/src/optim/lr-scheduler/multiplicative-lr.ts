import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer, type SchedulerStateDict } from './lr-scheduler';
import { lambdasFor } from './helpers';
import type { LrLambda } from './lambda-lr';

/** Options of `MultiplicativeLR`. */
export interface MultiplicativeLROptions extends LRSchedulerOptions {
  /** One function for every group, or one per group, giving the factor for each epoch. */
  lrLambda: LrLambda | LrLambda[];
}

/**
 * Multiplies each group's learning rate by `lrLambda(epoch)` every epoch after the first
 * (PyTorch's `MultiplicativeLR`).
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.MultiplicativeLR(opt, { lrLambda: () => 0.95 });
 * ```
 */
export class MultiplicativeLR extends LRScheduler {
  /** @internal */
  private readonly lrLambdas: LrLambda[];

  constructor(optimizer: SchedulableOptimizer, options: MultiplicativeLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'MultiplicativeLR');
    this.lrLambdas = lambdasFor('MultiplicativeLR', optimizer, options.lrLambda);
    this._initialStep();
  }

  protected getLr(): number[] {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch > 0) return groups.map((g, i) => g.lr * this.lrLambdas[i](this.lastEpoch));
    return groups.map((g) => g.lr);
  }

  override stateDict(): SchedulerStateDict {
    return { ...super.stateDict(), lr_lambdas: this.lrLambdas.map(() => null) };
  }

  override loadStateDict(stateDict: SchedulerStateDict): void {
    const { lr_lambdas: _ignored, ...rest } = stateDict ?? {};
    super.loadStateDict(rest);
  }
}
