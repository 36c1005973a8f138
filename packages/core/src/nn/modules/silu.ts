import type { Tensor } from '../../tensor/tensor';
import { silu } from '../../ops/unary/silu';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `SiLU`. */
export interface SiLUOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * The sigmoid linear unit (swish) `x * sigmoid(x)`, as a module (PyTorch's `nn.SiLU`).
 *
 * @example
 * ```ts
 * const act = new nn.SiLU();
 * const y = act.forward(x);
 * ```
 */
export class SiLU extends Module {
  inplace: boolean;

  constructor(options: SiLUOptions = {}) {
    super();
    assertOptions(options, 'SiLU', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return silu(input);
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
