import type { Tensor } from '../../tensor/tensor';
import { relu6 } from '../../ops/unary/relu6';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `ReLU6`. */
export interface ReLU6Options {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `min(max(0, x), 6)`, as a module (PyTorch's `nn.ReLU6`).
 *
 * @example
 * ```ts
 * const act = new nn.ReLU6();
 * const y = act.forward(x);
 * ```
 */
export class ReLU6 extends Module {
  inplace: boolean;

  constructor(options: ReLU6Options = {}) {
    super();
    assertOptions(options, 'ReLU6', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return relu6(input);
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
