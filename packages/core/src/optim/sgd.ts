import { tf } from '../backend/tfjs';
import { ValueError } from '../errors/value-error';
import type { Tensor } from '../tensor/tensor';
import { checkNonNegative } from './checks';
import { FUSED_STEP_KERNELS, Optimizer, type ParamGroup, type ParamsInput } from './optimizer';

/** Options of `SGD` (each may be overridden per parameter group). */
export interface SGDOptions {
  /** Learning rate. @default 1e-3 */
  lr?: number;
  /** Momentum factor. @default 0 */
  momentum?: number;
  /** Dampening for momentum. @default 0 */
  dampening?: number;
  /** L2 penalty added to the gradient. @default 0 */
  weightDecay?: number;
  /** Nesterov momentum (needs momentum > 0 and zero dampening). @default false */
  nesterov?: boolean;
  /** Maximize the objective instead of minimizing it. @default false */
  maximize?: boolean;
}

/**
 * Stochastic gradient descent, optionally with momentum, Nesterov momentum and weight decay
 * (PyTorch's `torch.optim.SGD`, same update rule and `momentum_buffer` state).
 *
 * @example
 * ```ts
 * const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * opt.zeroGrad();
 * lossFn(model.forward(x), y).backward();
 * opt.step();
 * ```
 */
export class SGD extends Optimizer<SGDOptions> {
  protected get name(): string {
    return 'SGD';
  }

  constructor(params: ParamsInput<SGDOptions>, options: SGDOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-3,
      momentum: options.momentum ?? 0,
      dampening: options.dampening ?? 0,
      weightDecay: options.weightDecay ?? 0,
      nesterov: options.nesterov ?? false,
      maximize: options.maximize ?? false,
    });
  }

  protected override validateGroup(group: ParamGroup & Required<SGDOptions>): void {
    super.validateGroup(group);
    checkNonNegative(this.name, 'momentum value', group.momentum);
    checkNonNegative(this.name, 'weight_decay value', group.weightDecay);
    if (group.nesterov && (group.momentum <= 0 || group.dampening !== 0)) {
      throw new ValueError(`SGD: Nesterov momentum requires a momentum and zero dampening (got momentum ${group.momentum}, dampening ${group.dampening})`);
    }
  }

  protected _updateGroup(group: ParamGroup & Required<SGDOptions>): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = group;
    // One pass per parameter when the backend has the fused step (same arithmetic, same bits).
    const fused = this._hasFusedStep(FUSED_STEP_KERNELS.sgd);
    const attrs = { lr, momentum, dampening, weightDecay, nesterov, maximize };
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this.stateOf(p);
      const buf = state.momentumBuffer as Tensor | undefined;
      if (fused && this._fusable(p, [grad, buf])) {
        // No buffer in: the first step (buf = d). Momentum 0 returns the parameter only.
        const inputs = { param: p, grad, momentumBuffer: momentum === 0 ? undefined : buf };
        this._applyFused(p, state, FUSED_STEP_KERNELS.sgd, inputs, attrs, momentum === 0 ? ['param'] : ['param', 'momentumBuffer']);
        continue;
      }
      this._apply(p, state, (): Record<string, tf.Tensor> => {
        let d = maximize ? tf.neg(grad._value) : grad._value;
        if (weightDecay !== 0) d = tf.add(d, tf.mul(p._value, weightDecay));
        if (momentum === 0) return { param: tf.sub(p._value, tf.mul(d, lr)) };
        const nb = buf === undefined ? tf.clone(d) : tf.add(tf.mul(buf._value, momentum), dampening === 0 ? d : tf.mul(d, 1 - dampening));
        const step = nesterov ? tf.add(d, tf.mul(nb, momentum)) : nb;
        return { param: tf.sub(p._value, tf.mul(step, lr)), momentumBuffer: nb };
      });
    }
  }
}
