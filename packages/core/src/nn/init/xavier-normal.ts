import type { Tensor } from '../../tensor/tensor';
import { calculateFanInAndFanOut } from './fan';
import { checkTarget, fillNormal } from './write-values';
import type { XavierInitOptions } from './xavier-uniform';

/**
 * Glorot/Xavier normal initialisation in place (PyTorch's `nn.init.xavier_normal_`):
 * N(0, std²) with `std = gain * sqrt(2 / (fanIn + fanOut))`. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.xavierNormal_(linear.weight);
 * ```
 */
export function xavierNormal_(tensor: Tensor, options: XavierInitOptions = {}): Tensor {
  checkTarget(tensor, 'xavierNormal_');
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor, 'xavierNormal_');
  const std = (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  return fillNormal(tensor, 0, std, options, 'xavierNormal_');
}
