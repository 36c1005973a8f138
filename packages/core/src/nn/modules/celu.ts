import type { Tensor } from '../../tensor/tensor';
import { celu } from '../../ops/unary/celu';
import { Module } from '../module';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `CELU`. */
export interface CELUOptions {
  /** The alpha of `max(0, x) + min(0, alpha * (e^(x/alpha) - 1))`. @default 1 */
  alpha?: number;
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * The continuously differentiable ELU, as a module (PyTorch's `nn.CELU`).
 *
 * @example
 * ```ts
 * const act = new nn.CELU({ alpha: 0.5 });
 * const y = act.forward(x);
 * ```
 */
export class CELU extends Module {
  alpha: number;
  inplace: boolean;

  constructor(options: CELUOptions = {}) {
    super();
    assertOptions(options, 'CELU', '{ alpha: 1 }');
    this.alpha = options.alpha ?? 1;
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return celu(input, { alpha: this.alpha });
  }

  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
