import type { Tensor } from '../../tensor/tensor';
import { kaimingStd } from './kaiming-std';
import type { KaimingInitOptions } from './kaiming-uniform';
import { checkTarget, fillNormal } from './write-values';

/**
 * He/Kaiming normal initialisation in place (PyTorch's `nn.init.kaiming_normal_`):
 * N(0, std²) with `std = gain / sqrt(fan)`. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.kaimingNormal_(conv.weight, { mode: 'fanOut', nonlinearity: 'relu' }); // torchvision's ResNet init
 * ```
 */
export function kaimingNormal_(tensor: Tensor, options: KaimingInitOptions = {}): Tensor {
  checkTarget(tensor, 'kaimingNormal_');
  const std = kaimingStd(tensor, options, 'kaimingNormal_');
  if (std === null) return tensor;
  return fillNormal(tensor, 0, std, options, 'kaimingNormal_');
}
