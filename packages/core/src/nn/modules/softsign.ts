import type { Tensor } from '../../tensor/tensor';
import { softsign } from '../../ops/unary/softsign';
import { Module } from '../module';

/**
 * `x / (1 + |x|)`, as a module (PyTorch's `nn.Softsign`).
 *
 * @example
 * ```ts
 * const act = new nn.Softsign();
 * const y = act.forward(x);
 * ```
 */
export class Softsign extends Module {
  override forward(input: Tensor): Tensor {
    return softsign(input);
  }
}
