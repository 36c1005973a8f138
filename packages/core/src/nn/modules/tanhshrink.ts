import { sub } from '../../ops/arithmetic/sub';
import { tanh } from '../../ops/unary/tanh';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';

/**
 * `x - tanh(x)` (PyTorch's `nn.Tanhshrink`).
 *
 * @example
 * ```ts
 * const y = new nn.Tanhshrink().forward(x);
 * ```
 */
export class Tanhshrink extends Module {
  override forward(input: Tensor): Tensor {
    return sub(input, tanh(input));
  }
}
