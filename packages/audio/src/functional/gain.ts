import { mul, type Tensor } from '@dl/core';
import { checkFloatTensor, checkNumber } from './internal/checks';

/**
 * Amplifies or attenuates a waveform by `gainDb` decibels (torchaudio's `functional.gain`): a
 * factor of `10 ** (gainDb / 20)`.
 *
 * @param waveform audio `[..., time]`.
 * @param gainDb the gain in dB. @default 1
 * @example
 * ```ts
 * const louder = functional.gain(wave, 6); // about twice the amplitude
 * ```
 */
export function gain(waveform: Tensor, gainDb = 1): Tensor {
  const op = 'gain';
  checkFloatTensor(waveform, op, 'waveform', 0, '[..., time]');
  checkNumber(gainDb, op, 'gainDb');
  if (gainDb === 0) return waveform;
  return mul(waveform, 10 ** (gainDb / 20));
}
