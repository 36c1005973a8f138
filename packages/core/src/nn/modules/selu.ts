import type { Tensor } from '../../tensor/tensor';
import { selu } from '../../ops/unary/selu';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `SELU`. */
export interface SELUOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * The scaled ELU with the self-normalising constants, as a module (PyTorch's `nn.SELU`).
 *
 * @example
 * ```ts
 * const act = new nn.SELU();
 * const y = act.forward(x);
 * ```
 */
export class SELU extends Module {
  inplace: boolean;

  constructor(options: SELUOptions = {}) {
    super();
    assertOptions(options, 'SELU', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return selu(input);
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
