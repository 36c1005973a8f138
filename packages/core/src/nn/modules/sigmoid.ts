import type { Tensor } from '../../tensor/tensor';
import { sigmoid } from '../../ops/unary/sigmoid';
import { Module } from '../module';

/**
 * The logistic function `1 / (1 + e^-x)`, as a module (PyTorch's `nn.Sigmoid`).
 *
 * @example
 * ```ts
 * const act = new nn.Sigmoid();
 * const y = act.forward(x);
 * ```
 */
export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return sigmoid(input);
  }
}
