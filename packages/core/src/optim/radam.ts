import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative, checkRange } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `RAdam` (each may be overridden per parameter group). */
export interface RAdamOptions {
  /** Learning rate. @default 1e-3 */
  lr?: number;
  /** Decay rates of the first and second moment estimates. @default [0.9, 0.999] */
  betas?: [number, number];
  /** Added to the denominator for numerical stability. @default 1e-8 */
  eps?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
}

/**
 * RAdam (PyTorch's `torch.optim.RAdam`): Adam whose adaptive step is switched on only once the
 * variance of the second-moment estimate is tractable, and rectified. State: `step`, `expAvg`,
 * `expAvgSq`.
 *
 * @example
 * ```ts
 * const opt = new optim.RAdam(model.parameters(), { lr: 1e-3 });
 * ```
 */
export class RAdam extends Optimizer<RAdamOptions> {
  protected get name(): string {
    return 'RAdam';
  }

  constructor(params: ParamsInput<RAdamOptions>, options: RAdamOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-3,
      betas: options.betas ?? [0.9, 0.999],
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<RAdamOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    const betas = group.betas as unknown;
    if (!Array.isArray(betas) || betas.length !== 2) throw new ValueError(`${this.name}: betas must be a pair [beta1, beta2], got ${String(betas)}`);
    checkRange(this.name, 'beta parameter at index 0', betas[0], 0, 1);
    checkRange(this.name, 'beta parameter at index 1', betas[1], 0, 1);
  }

  protected _updateGroup(group: ParamGroup & Required<RAdamOptions>): void {
    const { lr, eps, weightDecay } = group;
    const [beta1, beta2] = group.betas;
    const rhoInf = 2 / (1 - beta2) - 1;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const step = ((state.step as number | undefined) ?? 0) + 1;
      state.step = step;
      const bc1 = 1 - beta1 ** step;
      const bc2 = 1 - beta2 ** step;
      const rhoT = rhoInf - (2 * step * beta2 ** step) / bc2;
      const rect = rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
      const expAvg = state.expAvg as Tensor | undefined;
      const expAvgSq = state.expAvgSq as Tensor | undefined;
      this._apply(p, state, () => {
        let g = grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const m = expAvg ? tf.add(tf.mul(expAvg._value, beta1), tf.mul(g, 1 - beta1)) : tf.mul(g, 1 - beta1);
        const g2 = tf.mul(tf.mul(g, g), 1 - beta2);
        const v = expAvgSq ? tf.add(tf.mul(expAvgSq._value, beta2), g2) : g2;
        const corrected = tf.div(m, bc1);
        const update =
          rhoT > 5 ? tf.mul(tf.div(tf.mul(corrected, lr * rect), tf.add(tf.sqrt(v), eps)), Math.sqrt(bc2)) : tf.mul(corrected, lr);
        return { expAvg: m, expAvgSq: v, param: tf.sub(p._value, update) };
      });
    }
  }
}
