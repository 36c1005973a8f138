import type { Tensor } from '../../tensor/tensor';
import { tanh } from '../../ops/unary/tanh';
import { Module } from '../module';

/**
 * The hyperbolic tangent, as a module (PyTorch's `nn.Tanh`).
 *
 * @example
 * ```ts
 * const act = new nn.Tanh();
 * const y = act.forward(x);
 * ```
 */
export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    return tanh(input);
  }
}
