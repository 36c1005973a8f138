import { tf } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `Adagrad` (each may be overridden per parameter group). */
export interface AdagradOptions {
  /** Learning rate. @default 1e-2 */
  lr?: number;
  /** Learning-rate decay: step `t` uses `lr / (1 + (t - 1) * lrDecay)`. @default 0 */
  lrDecay?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** Starting value of the squared-gradient sums. @default 0 */
  initialAccumulatorValue?: number;
  /** Added to the denominator for numerical stability. @default 1e-10 */
  eps?: number;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * Adagrad (PyTorch's `torch.optim.Adagrad`): scales each coordinate by the root of its summed
 * squared gradients. State: `step`, `sum` (created when the optimizer is built, as PyTorch does).
 *
 * @example
 * ```ts
 * const opt = new optim.Adagrad(model.parameters(), { lr: 0.01, lrDecay: 1e-4 });
 * ```
 */
export class Adagrad extends Optimizer<AdagradOptions> {
  protected get name(): string {
    return 'Adagrad';
  }

  constructor(params: ParamsInput<AdagradOptions>, options: AdagradOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-2,
      lrDecay: options.lrDecay ?? 0,
      weightDecay: options.weightDecay ?? 0,
      initialAccumulatorValue: options.initialAccumulatorValue ?? 0,
      eps: options.eps ?? 1e-10,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<AdagradOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'lr_decay value', group.lrDecay);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    checkNonNegative(this.name, 'initial_accumulator_value value', group.initialAccumulatorValue);
    checkNonNegative(this.name, 'epsilon value', group.eps);
  }

  override addParamGroup(group: Parameters<Optimizer<AdagradOptions>['addParamGroup']>[0]): void {
    super.addParamGroup(group);
    const added = this.paramGroups[this.paramGroups.length - 1];
    for (const p of added.params) {
      const state = this.stateOf(p);
      state.step = 0;
      this._apply(p, state, () => ({ sum: tf.fill(p._value.shape, added.initialAccumulatorValue, 'float32') }));
    }
  }

  protected _updateGroup(group: ParamGroup & Required<AdagradOptions>): void {
    const { lr, lrDecay, weightDecay, eps, maximize } = group;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const step = ((state.step as number | undefined) ?? 0) + 1;
      state.step = step;
      const sum = state.sum as Tensor | undefined;
      const clr = lr / (1 + (step - 1) * lrDecay);
      this._apply(p, state, () => {
        let g = maximize ? tf.neg(grad._value) : grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const g2 = tf.mul(g, g);
        const s = sum ? tf.add(sum._value, g2) : tf.add(g2, group.initialAccumulatorValue);
        const std = tf.add(tf.sqrt(s), eps);
        return { sum: s, param: tf.sub(p._value, tf.mul(tf.div(g, std), clr)) };
      });
    }
  }
}
