import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative, checkRange } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `Adamax` (each may be overridden per parameter group). */
export interface AdamaxOptions {
  /** Learning rate. @default 2e-3 */
  lr?: number;
  /** Decay rates of the first moment and of the infinity norm. @default [0.9, 0.999] */
  betas?: [number, number];
  /** Added to the infinity norm for numerical stability. @default 1e-8 */
  eps?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * Adamax (PyTorch's `torch.optim.Adamax`): Adam with the infinity norm in place of the second
 * moment. State: `step`, `expAvg`, `expInf`.
 *
 * @example
 * ```ts
 * const opt = new optim.Adamax(model.parameters(), { lr: 2e-3 });
 * ```
 */
export class Adamax extends Optimizer<AdamaxOptions> {
  protected get name(): string {
    return 'Adamax';
  }

  constructor(params: ParamsInput<AdamaxOptions>, options: AdamaxOptions = {}) {
    super(params, {
      lr: options.lr ?? 2e-3,
      betas: options.betas ?? [0.9, 0.999],
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<AdamaxOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    const betas = group.betas as unknown;
    if (!Array.isArray(betas) || betas.length !== 2) throw new ValueError(`${this.name}: betas must be a pair [beta1, beta2], got ${String(betas)}`);
    checkRange(this.name, 'beta parameter at index 0', betas[0], 0, 1);
    checkRange(this.name, 'beta parameter at index 1', betas[1], 0, 1);
  }

  protected _updateGroup(group: ParamGroup & Required<AdamaxOptions>): void {
    const { lr, eps, weightDecay, maximize } = group;
    const [beta1, beta2] = group.betas;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const step = ((state.step as number | undefined) ?? 0) + 1;
      state.step = step;
      const expAvg = state.expAvg as Tensor | undefined;
      const expInf = state.expInf as Tensor | undefined;
      const clr = lr / (1 - beta1 ** step);
      this._apply(p, state, () => {
        let g = maximize ? tf.neg(grad._value) : grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const m = expAvg ? tf.add(tf.mul(expAvg._value, beta1), tf.mul(g, 1 - beta1)) : tf.mul(g, 1 - beta1);
        const gAbs = tf.add(tf.abs(g), eps);
        const u = expInf ? tf.maximum(tf.mul(expInf._value, beta2), gAbs) : gAbs;
        return { expAvg: m, expInf: u, param: tf.sub(p._value, tf.mul(tf.div(m, u), clr)) };
      });
    }
  }
}
