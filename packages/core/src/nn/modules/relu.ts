import type { Tensor } from '../../tensor/tensor';
import { relu } from '../../ops/unary/relu';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `ReLU`. */
export interface ReLUOptions {
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * The rectified linear unit `max(0, x)`, as a module (PyTorch's `nn.ReLU`).
 *
 * @example
 * ```ts
 * const act = new nn.ReLU();
 * const y = act.forward(x);
 * ```
 */
export class ReLU extends Module {
  inplace: boolean;

  constructor(options: ReLUOptions = {}) {
    super();
    assertOptions(options, 'ReLU', '{ inplace: true }');
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return relu(input);
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
