import type { Tensor } from '../../tensor/tensor';
import { calculateGain } from './calculate-gain';
import { correctFan } from './fan';
import type { KaimingInitOptions } from './kaiming-uniform';

/** @internal The Kaiming standard deviation, or null for an empty tensor (nothing to fill). */
export function kaimingStd(tensor: Tensor, options: KaimingInitOptions, fn: string): number | null {
  if (tensor.shape.includes(0)) return null;
  const fan = correctFan(tensor, options.mode ?? 'fanIn', fn);
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return gain / Math.sqrt(fan);
}

