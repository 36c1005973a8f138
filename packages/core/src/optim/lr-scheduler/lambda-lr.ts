import { lambdasFor } from './helpers';
import { LRScheduler, type LRSchedulerOptions, type SchedulableOptimizer, type SchedulerStateDict } from './lr-scheduler';

/** A function of the epoch index giving a factor for the learning rate. */
export type LrLambda = (epoch: number) => number;

/** Options of `LambdaLR`. */
export interface LambdaLROptions extends LRSchedulerOptions {
  /** One function for every group, or one per group. */
  lrLambda: LrLambda | LrLambda[];
}

/**
 * Sets each group's learning rate to its initial value times `lrLambda(epoch)` (PyTorch's
 * `LambdaLR`). The functions are not part of the state dict.
 *
 * @example
 * ```ts
 * const sched = new optim.lrScheduler.LambdaLR(opt, { lrLambda: (epoch) => 0.95 ** epoch });
 * ```
 */
export class LambdaLR extends LRScheduler {
  /** @internal */
  private readonly lrLambdas: LrLambda[];

  constructor(optimizer: SchedulableOptimizer, options: LambdaLROptions) {
    super(optimizer, options?.lastEpoch ?? -1, 'LambdaLR');
    this.lrLambdas = lambdasFor('LambdaLR', optimizer, options.lrLambda);
    this._initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((b, i) => b * this.lrLambdas[i](this.lastEpoch));
  }

  override stateDict(): SchedulerStateDict {
    // PyTorch saves one entry per lambda (None for plain functions) and expects the key on load.
    return { ...super.stateDict(), lr_lambdas: this.lrLambdas.map(() => null) };
  }

  override loadStateDict(stateDict: SchedulerStateDict): void {
    const { lr_lambdas: _ignored, ...rest } = stateDict ?? {};
    super.loadStateDict(rest);
  }
}
