import type { Tensor } from '../../tensor/tensor';
import { hardswish } from '../../ops/unary/hardswish';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Hardswish`. */
export interface HardswishOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `x * relu6(x + 3) / 6`, as a module (PyTorch's `nn.Hardswish`).
 *
 * @example
 * ```ts
 * const act = new nn.Hardswish();
 * const y = act.forward(x);
 * ```
 */
export class Hardswish extends Module {
  inplace: boolean;

  constructor(options: HardswishOptions = {}) {
    super();
    assertOptions(options, 'Hardswish', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return hardswish(input);
  }

  /** PyTorch 1.13 prints no arguments for this module, whatever `inplace` is. */
  override extraRepr(): string {
    return '';
  }
}
