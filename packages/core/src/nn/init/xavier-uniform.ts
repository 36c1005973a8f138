import type { Tensor } from '../../tensor/tensor';
import { calculateFanInAndFanOut } from './fan';
import { checkTarget, fillUniform, type InitOptions } from './write-values';

/** Options of `xavierUniform_` and `xavierNormal_`. */
export interface XavierInitOptions extends InitOptions {
  /** Scaling factor (see `calculateGain`). @default 1 */
  gain?: number;
}

/**
 * Glorot/Xavier uniform initialisation in place (PyTorch's `nn.init.xavier_uniform_`):
 * U(-a, a) with `a = gain * sqrt(6 / (fanIn + fanOut))`. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.xavierUniform_(linear.weight, { gain: nn.init.calculateGain('tanh') });
 * ```
 */
export function xavierUniform_(tensor: Tensor, options: XavierInitOptions = {}): Tensor {
  checkTarget(tensor, 'xavierUniform_');
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor, 'xavierUniform_');
  const std = (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  const a = Math.sqrt(3) * std;
  return fillUniform(tensor, -a, a, options, 'xavierUniform_');
}
