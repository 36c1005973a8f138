import { tf } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative, checkRange } from './checks';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `Adadelta` (each may be overridden per parameter group). */
export interface AdadeltaOptions {
  /** Scale of the delta before it is applied. @default 1 */
  lr?: number;
  /** Decay of the running averages of squared gradients and updates. @default 0.9 */
  rho?: number;
  /** Added inside the square roots for numerical stability. @default 1e-6 */
  eps?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * Adadelta (PyTorch's `torch.optim.Adadelta`): scales updates by the ratio of running RMS of
 * past updates and of gradients. State: `step`, `squareAvg`, `accDelta`.
 *
 * @example
 * ```ts
 * const opt = new optim.Adadelta(model.parameters(), { rho: 0.95 });
 * ```
 */
export class Adadelta extends Optimizer<AdadeltaOptions> {
  protected get name(): string {
    return 'Adadelta';
  }

  constructor(params: ParamsInput<AdadeltaOptions>, options: AdadeltaOptions = {}) {
    super(params, {
      lr: options.lr ?? 1,
      rho: options.rho ?? 0.9,
      eps: options.eps ?? 1e-6,
      weightDecay: options.weightDecay ?? 0,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<AdadeltaOptions>): void {
    super.validateGroup(group);
    checkRange(this.name, 'rho value', group.rho, 0, 1, true);
    checkNonNegative(this.name, 'epsilon value', group.eps);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
  }

  protected _updateGroup(group: ParamGroup & Required<AdadeltaOptions>): void {
    const { lr, rho, eps, weightDecay, maximize } = group;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      state.step = ((state.step as number | undefined) ?? 0) + 1;
      const squareAvg = state.squareAvg as Tensor | undefined;
      const accDelta = state.accDelta as Tensor | undefined;
      this._apply(p, state, () => {
        let g = maximize ? tf.neg(grad._value) : grad._value;
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p._value, weightDecay));
        const g2 = tf.mul(tf.mul(g, g), 1 - rho);
        const sq = squareAvg ? tf.add(tf.mul(squareAvg._value, rho), g2) : g2;
        const std = tf.sqrt(tf.add(sq, eps));
        const prevAcc = accDelta ? accDelta._value : tf.zerosLike(g);
        const delta = tf.mul(tf.div(tf.sqrt(tf.add(prevAcc, eps)), std), g);
        const acc = tf.add(tf.mul(prevAcc, rho), tf.mul(tf.mul(delta, delta), 1 - rho));
        return { squareAvg: sq, accDelta: acc, param: tf.sub(p._value, tf.mul(delta, lr)) };
      });
    }
  }
}
