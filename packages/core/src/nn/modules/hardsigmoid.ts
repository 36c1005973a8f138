import type { Tensor } from '../../tensor/tensor';
import { hardsigmoid } from '../../ops/unary/hardsigmoid';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Hardsigmoid`. */
export interface HardsigmoidOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `relu6(x + 3) / 6`, as a module (PyTorch's `nn.Hardsigmoid`).
 *
 * @example
 * ```ts
 * const act = new nn.Hardsigmoid();
 * const y = act.forward(x);
 * ```
 */
export class Hardsigmoid extends Module {
  inplace: boolean;

  constructor(options: HardsigmoidOptions = {}) {
    super();
    assertOptions(options, 'Hardsigmoid', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return hardsigmoid(input);
  }

  /** PyTorch 1.13 prints no arguments for this module, whatever `inplace` is. */
  override extraRepr(): string {
    return '';
  }
}
