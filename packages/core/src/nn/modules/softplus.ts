import type { Tensor } from '../../tensor/tensor';
import { softplus } from '../../ops/unary/softplus';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Softplus`. */
export interface SoftplusOptions {
  /** The beta of `log(1 + e^(beta x)) / beta`. @default 1 */
  beta?: number;
  /** Above `beta * x > threshold` the function is linear. @default 20 */
  threshold?: number;
}

/**
 * `log(1 + e^(beta x)) / beta`, a smooth ReLU, as a module (PyTorch's `nn.Softplus`).
 *
 * @example
 * ```ts
 * const act = new nn.Softplus({ beta: 2 });
 * const y = act.forward(x);
 * ```
 */
export class Softplus extends Module {
  beta: number;
  threshold: number;

  constructor(options: SoftplusOptions = {}) {
    super();
    assertOptions(options, 'Softplus', '{ beta: 1, threshold: 20 }');
    this.beta = options.beta ?? 1;
    this.threshold = options.threshold ?? 20;
  }

  override forward(input: Tensor): Tensor {
    return softplus(input, { beta: this.beta, threshold: this.threshold });
  }

  override extraRepr(): string {
    // PyTorch's defaults are ints, so it prints `beta=1, threshold=20`.
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}
