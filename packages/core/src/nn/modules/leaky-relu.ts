import type { Tensor } from '../../tensor/tensor';
import { leakyRelu } from '../../ops/unary/leaky-relu';
import { Module } from '../module';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `LeakyReLU`. */
export interface LeakyReLUOptions {
  /** Slope for negative inputs. @default 0.01 */
  negativeSlope?: number;
  /** Accepted for PyTorch compatibility; the result is computed out of place. @default false */
  inplace?: boolean;
}

/**
 * `x` for positive inputs, `negativeSlope * x` otherwise, as a module (PyTorch's `nn.LeakyReLU`).
 *
 * @example
 * ```ts
 * const act = new nn.LeakyReLU({ negativeSlope: 0.2 });
 * const y = act.forward(x);
 * ```
 */
export class LeakyReLU extends Module {
  negativeSlope: number;
  inplace: boolean;

  constructor(options: LeakyReLUOptions = {}) {
    super();
    assertOptions(options, 'LeakyReLU', '{ negativeSlope: 0.2 }');
    this.negativeSlope = options.negativeSlope ?? 0.01;
    this.inplace = options.inplace ?? false;
  }

  override forward(input: Tensor): Tensor {
    return leakyRelu(input, { negativeSlope: this.negativeSlope });
  }

  override extraRepr(): string {
    return `negative_slope=${pyFloat(this.negativeSlope)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
