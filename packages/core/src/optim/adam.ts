import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative, checkRange } from './checks';
import { FUSED_STEP_KERNELS, Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `Adam` and `AdamW` (each may be overridden per parameter group). */
export interface AdamOptions {
  /** Learning rate. @default 1e-3 */
  lr?: number;
  /** Decay rates of the first and second moment estimates. @default [0.9, 0.999] */
  betas?: [number, number];
  /** Added to the denominator for numerical stability. @default 1e-8 */
  eps?: number;
  /** L2 penalty (Adam: added to the gradient; AdamW: decoupled decay). @default 0 (AdamW: 1e-2) */
  weightDecay?: number;
  /** Use the AMSGrad variant (keeps the maximum of the second moment). @default false */
  amsgrad?: boolean;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * Adam (PyTorch's `torch.optim.Adam`): adaptive moment estimation with bias correction,
 * optional AMSGrad and L2 weight decay. State per parameter: `step`, `expAvg`, `expAvgSq`
 * (and `maxExpAvgSq` with AMSGrad), saved as PyTorch's `exp_avg`, `exp_avg_sq`, ...
 *
 * @example
 * ```ts
 * const opt = new optim.Adam(model.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 * ```
 */
export class Adam extends Optimizer<AdamOptions> {
  protected get name(): string {
    return 'Adam';
  }

  /** @internal AdamW decays the parameter directly instead of adding to the gradient. */
  protected get decoupled(): boolean {
    return false;
  }

  constructor(params: ParamsInput<AdamOptions>, options: AdamOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-3,
      betas: options.betas ?? [0.9, 0.999],
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      amsgrad: options.amsgrad ?? false,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<AdamOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    const betas = group.betas as unknown;
    if (!Array.isArray(betas) || betas.length !== 2) throw new ValueError(`${this.name}: betas must be a pair [beta1, beta2], got ${String(betas)}`);
    checkRange(this.name, 'beta parameter at index 0', betas[0], 0, 1);
    checkRange(this.name, 'beta parameter at index 1', betas[1], 0, 1);
  }

  protected _updateGroup(group: ParamGroup & Required<AdamOptions>): void {
    const { lr, eps, weightDecay, amsgrad, maximize } = group;
    const [beta1, beta2] = group.betas;
    const decoupled = this.decoupled;
    // One pass per parameter when the backend has the fused step (same arithmetic, same bits).
    const fused = this._hasFusedStep(FUSED_STEP_KERNELS.adam);
    const keys = amsgrad ? ['param', 'expAvg', 'expAvgSq', 'maxExpAvgSq'] : ['param', 'expAvg', 'expAvgSq'];
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const step = ((state.step as number | undefined) ?? 0) + 1;
      state.step = step;
      const expAvg = state.expAvg as Tensor | undefined;
      const expAvgSq = state.expAvgSq as Tensor | undefined;
      const maxSq = state.maxExpAvgSq as Tensor | undefined;
      const biasCorrection1 = 1 - beta1 ** step;
      const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** step);
      const stepSize = lr / biasCorrection1;
      if (fused && this._fusable(p, [grad, expAvg, expAvgSq, amsgrad ? maxSq : undefined])) {
        const inputs = { param: p, grad, expAvg, expAvgSq, maxExpAvgSq: amsgrad ? maxSq : undefined };
        const attrs = { lr, beta1, beta2, eps, weightDecay, step, amsgrad, maximize, decoupled, biasCorrection1, biasCorrection2Sqrt };
        this._applyFused(p, state, FUSED_STEP_KERNELS.adam, inputs, attrs, keys);
        continue;
      }
      this._apply(p, state, () => {
        let g = maximize ? tf.neg(grad._value) : grad._value;
        let param = p._value;
        if (decoupled) param = tf.mul(param, 1 - lr * weightDecay);
        else if (weightDecay !== 0) g = tf.add(g, tf.mul(param, weightDecay));
        const m = expAvg ? tf.add(tf.mul(expAvg._value, beta1), tf.mul(g, 1 - beta1)) : tf.mul(g, 1 - beta1);
        const g2 = tf.mul(tf.mul(g, g), 1 - beta2);
        const v = expAvgSq ? tf.add(tf.mul(expAvgSq._value, beta2), g2) : g2;
        const out: Record<string, tf.Tensor> = { expAvg: m, expAvgSq: v };
        let second = v;
        if (amsgrad) {
          second = maxSq ? tf.maximum(maxSq._value, v) : v;
          out.maxExpAvgSq = maxSq ? second : tf.clone(v);
        }
        const denom = tf.add(tf.div(tf.sqrt(second), biasCorrection2Sqrt), eps);
        out.param = tf.sub(param, tf.mul(tf.div(m, denom), stepSize));
        return out;
      });
    }
  }
}
