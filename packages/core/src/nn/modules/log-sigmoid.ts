import type { Tensor } from '../../tensor/tensor';
import { logSigmoid } from '../../ops/unary/log-sigmoid';
import { Module } from '../module';

/**
 * `log(sigmoid(x))`, computed stably, as a module (PyTorch's `nn.LogSigmoid`).
 *
 * @example
 * ```ts
 * const act = new nn.LogSigmoid();
 * const y = act.forward(x);
 * ```
 */
export class LogSigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return logSigmoid(input);
  }
}
