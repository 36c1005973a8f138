import { tf } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `RMSprop` (each may be overridden per parameter group). */
export interface RMSpropOptions {
  /** Learning rate. @default 1e-2 */
  lr?: number;
  /** Smoothing constant of the squared-gradient average. @default 0.99 */
  alpha?: number;
  /** Added to the denominator for numerical stability. @default 1e-8 */
  eps?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** Momentum factor. @default 0 */
  momentum?: number;
  /** Normalize by the estimated variance of the gradient (centered RMSprop). @default false */
  centered?: boolean;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * RMSprop (PyTorch's `torch.optim.RMSprop`): divides the gradient by a running root mean square,
 * optionally centered and with momentum. State: `step`, `squareAvg`, `momentumBuffer`,
 * `gradAvg`.
 *
 * @example
 * ```ts
 * const opt = new optim.RMSprop(model.parameters(), { lr: 0.01, momentum: 0.5 });
 * ```
 */
export class RMSprop extends Optimizer<RMSpropOptions> {
  protected get name(): string {
    return 'RMSprop';
  }

  constructor(params: ParamsInput<RMSpropOptions>, options: RMSpropOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-2,
      alpha: options.alpha ?? 0.99,
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      momentum: options.momentum ?? 0,
      centered: options.centered ?? false,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<RMSpropOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'momentum value', group.momentum);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    checkNonNegative(this.name, 'alpha value', group.alpha);
  }

  protected _updateGroup(group: ParamGroup & Required<RMSpropOptions>): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = group;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      state.step = ((state.step as number | undefined) ?? 0) + 1;
      const squareAvg = state.squareAvg as Tensor | undefined;
      const gradAvg = state.gradAvg as Tensor | undefined;
      const buf = state.momentumBuffer as Tensor | undefined;
      this._apply(p, state, () => {
        let g = maximize ? tf.neg(grad._value) : grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const g2 = tf.mul(tf.mul(g, g), 1 - alpha);
        const sq = squareAvg ? tf.add(tf.mul(squareAvg._value, alpha), g2) : g2;
        const out: Record<string, tf.Tensor> = { squareAvg: sq };
        let avg: tf.Tensor;
        if (centered) {
          const ga = gradAvg ? tf.add(tf.mul(gradAvg._value, alpha), tf.mul(g, 1 - alpha)) : tf.mul(g, 1 - alpha);
          out.gradAvg = ga;
          avg = tf.sqrt(tf.sub(sq, tf.mul(ga, ga)));
        } else avg = tf.sqrt(sq);
        avg = tf.add(avg, eps);
        if (momentum > 0) {
          const scaled = tf.div(g, avg);
          const nb = buf ? tf.add(tf.mul(buf._value, momentum), scaled) : scaled;
          out.momentumBuffer = nb;
          out.param = tf.sub(p._value, tf.mul(nb, lr));
        } else out.param = tf.sub(p._value, tf.mul(tf.div(g, avg), lr));
        return out;
      });
    }
  }
}
