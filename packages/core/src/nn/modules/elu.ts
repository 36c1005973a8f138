import type { Tensor } from '../../tensor/tensor';
import { elu } from '../../ops/unary/elu';
import { Module } from '../module';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `ELU`. */
export interface ELUOptions {
  /** Scale of the negative part. @default 1 */
  alpha?: number;
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `x` for positive inputs, `alpha * (e^x - 1)` otherwise, as a module (PyTorch's `nn.ELU`).
 *
 * @example
 * ```ts
 * const act = new nn.ELU({ alpha: 1 });
 * const y = act.forward(x);
 * ```
 */
export class ELU extends Module {
  alpha: number;
  inplace: boolean;

  constructor(options: ELUOptions = {}) {
    super();
    assertOptions(options, 'ELU', '{ alpha: 1 }');
    this.alpha = options.alpha ?? 1;
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return elu(input, { alpha: this.alpha });
  }

  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
