import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';

/**
 * Returns its input unchanged (PyTorch's `nn.Identity`): a placeholder, e.g. to drop a
 * classifier head. Constructor arguments are accepted and ignored, as in PyTorch.
 *
 * @example
 * ```ts
 * model.fc = new nn.Identity();
 * ```
 */
export class Identity extends Module {
  constructor(..._args: unknown[]) {
    super();
  }

  override forward(input: Tensor): Tensor {
    return input;
  }
}
