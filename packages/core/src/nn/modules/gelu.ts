import type { Tensor } from '../../tensor/tensor';
import { gelu } from '../../ops/unary/gelu';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `GELU`. */
export interface GELUOptions {
  /** `none`: exact `x * Φ(x)`; `tanh`: the tanh approximation. @default 'none' */
  approximate?: 'none' | 'tanh';
}

/**
 * The Gaussian error linear unit `x * Φ(x)`, as a module (PyTorch's `nn.GELU`).
 *
 * @example
 * ```ts
 * const act = new nn.GELU({ approximate: 'tanh' });
 * const y = act.forward(x);
 * ```
 */
export class GELU extends Module {
  approximate: 'none' | 'tanh';

  constructor(options: GELUOptions = {}) {
    super();
    assertOptions(options, 'GELU', "{ approximate: 'tanh' }");
    this.approximate = options.approximate ?? 'none';
  }

  override forward(input: Tensor): Tensor {
    return gelu(input, { approximate: this.approximate });
  }

  override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}
