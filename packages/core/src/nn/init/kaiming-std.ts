import type { Tensor } from '../../tensor/tensor';
import { ValueError } from '../../errors/value-error';
import { calculateGain } from './calculate-gain';
import { calculateFanInAndFanOut, type FanMode } from './fan';
import type { KaimingInitOptions } from './kaiming-uniform';

/** @internal The Kaiming standard deviation, or null for an empty tensor (nothing to fill). */
export function kaimingStd(tensor: Tensor, options: KaimingInitOptions, fn: string): number | null {
  if (tensor.shape.includes(0)) return null;
  const fan = correctFan(tensor, options.mode ?? 'fanIn', fn);
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return gain / Math.sqrt(fan);
}

/** @internal The fan a mode selects, with PyTorch's message for a bad mode. */
export function correctFan(tensor: Tensor, mode: FanMode, fn: string): number {
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor, fn);
  if (mode === 'fanIn' || mode === 'fan_in') return fanIn;
  if (mode === 'fanOut' || mode === 'fan_out') return fanOut;
  throw new ValueError(`${fn}: Mode ${String(mode)} not supported, please use one of fanIn, fanOut`);
}
