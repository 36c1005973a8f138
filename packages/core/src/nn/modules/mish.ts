import type { Tensor } from '../../tensor/tensor';
import { mish } from '../../ops/unary/mish';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Mish`. */
export interface MishOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `x * tanh(softplus(x))`, as a module (PyTorch's `nn.Mish`).
 *
 * @example
 * ```ts
 * const act = new nn.Mish();
 * const y = act.forward(x);
 * ```
 */
export class Mish extends Module {
  inplace: boolean;

  constructor(options: MishOptions = {}) {
    super();
    assertOptions(options, 'Mish', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return mish(input);
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
