import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative, checkRange } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `NAdam` (each may be overridden per parameter group). */
export interface NAdamOptions {
  /** Learning rate. @default 2e-3 */
  lr?: number;
  /** Decay rates of the first and second moment estimates. @default [0.9, 0.999] */
  betas?: [number, number];
  /** Added to the denominator for numerical stability. @default 1e-8 */
  eps?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** The momentum schedule's decay `mu_t = beta1 (1 - 0.5 * 0.96^(t * momentumDecay))`. @default 4e-3 */
  momentumDecay?: number;
}

/**
 * NAdam (PyTorch's `torch.optim.NAdam`): Adam with Nesterov momentum and a momentum schedule,
 * as PyTorch 2 computes it (1.13 multiplied `mu` into the next product twice, fixed in
 * pytorch/pytorch#92699). State: `step`, `muProduct`, `expAvg`, `expAvgSq`.
 *
 * @example
 * ```ts
 * const opt = new optim.NAdam(model.parameters(), { lr: 2e-3 });
 * ```
 */
export class NAdam extends Optimizer<NAdamOptions> {
  protected get name(): string {
    return 'NAdam';
  }

  constructor(params: ParamsInput<NAdamOptions>, options: NAdamOptions = {}) {
    super(params, {
      lr: options.lr ?? 2e-3,
      betas: options.betas ?? [0.9, 0.999],
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      momentumDecay: options.momentumDecay ?? 4e-3,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<NAdamOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    checkNonNegative(this.name, 'momentum_decay value', group.momentumDecay);
    const betas = group.betas as unknown;
    if (!Array.isArray(betas) || betas.length !== 2) throw new ValueError(`${this.name}: betas must be a pair [beta1, beta2], got ${String(betas)}`);
    checkRange(this.name, 'beta parameter at index 0', betas[0], 0, 1);
    checkRange(this.name, 'beta parameter at index 1', betas[1], 0, 1);
  }

  protected _updateGroup(group: ParamGroup & Required<NAdamOptions>): void {
    const { lr, eps, weightDecay, momentumDecay } = group;
    const [beta1, beta2] = group.betas;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const step = ((state.step as number | undefined) ?? 0) + 1;
      state.step = step;
      const biasCorrection2 = 1 - beta2 ** step;
      const mu = beta1 * (1 - 0.5 * 0.96 ** (step * momentumDecay));
      const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * momentumDecay));
      // PyTorch keeps mu_product as a float32 tensor: round like it does.
      const muProduct = Math.fround(((state.muProduct as number | undefined) ?? 1) * mu);
      state.muProduct = muProduct;
      const muProductNext = muProduct * muNext;
      const expAvg = state.expAvg as Tensor | undefined;
      const expAvgSq = state.expAvgSq as Tensor | undefined;
      this._apply(p, state, () => {
        let g = grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const m = expAvg ? tf.add(tf.mul(expAvg._value, beta1), tf.mul(g, 1 - beta1)) : tf.mul(g, 1 - beta1);
        const g2 = tf.mul(tf.mul(g, g), 1 - beta2);
        const v = expAvgSq ? tf.add(tf.mul(expAvgSq._value, beta2), g2) : g2;
        const denom = tf.add(tf.sqrt(tf.div(v, biasCorrection2)), eps);
        const step1 = tf.mul(tf.div(g, denom), (-lr * (1 - mu)) / (1 - muProduct));
        const step2 = tf.mul(tf.div(m, denom), (-lr * muNext) / (1 - muProductNext));
        return { expAvg: m, expAvgSq: v, param: tf.add(tf.add(p._value, step1), step2) };
      });
    }
  }
}
