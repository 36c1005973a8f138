import { clamp, mul, type Tensor, ValueError } from '@dl/core';
import { checkChoice, checkFloatTensor, checkNumber } from '../functional/internal/checks';
import { gain } from '../functional/gain';
import { AudioTransform } from './audio-transform';

/** How {@link Vol} reads its gain: an amplitude ratio, a power ratio, or decibels. */
export type GainType = 'amplitude' | 'power' | 'db';

/**
 * Adjusts the volume of a waveform (torchaudio's `transforms.Vol`): multiplies by `gain` (an
 * amplitude ratio), by `sqrt(gain)` (a power ratio) or by `10 ** (gain / 20)` (decibels), then
 * clamps to [-1, 1]. Differentiable.
 *
 * @param gain the gain, read according to `gainType`.
 * @param gainType `'amplitude'`, `'power'` or `'db'`. @default 'amplitude'
 * @example
 * ```ts
 * const quieter = new transforms.Vol(0.5)(wave);
 * const louder = new transforms.Vol(6, 'db')(wave);
 * ```
 */
export class Vol extends AudioTransform {
  gain: number;
  gainType: GainType;

  constructor(gain: number, gainType: GainType = 'amplitude') {
    super();
    const op = 'Vol';
    checkNumber(gain, op, 'gain');
    checkChoice(gainType, ['amplitude', 'power', 'db'] as const, op, 'gainType');
    if ((gainType === 'amplitude' || gainType === 'power') && gain < 0) {
      throw new ValueError(`${op}: if gainType is 'amplitude' or 'power', gain must be positive, got ${gain}`);
    }
    this.gain = gain;
    this.gainType = gainType;
  }

  /** `[..., time]`, scaled and clamped to [-1, 1]. */
  override forward(waveform: Tensor): Tensor {
    checkFloatTensor(waveform, 'Vol', 'waveform', 0, '[..., time]');
    let out = waveform;
    if (this.gainType === 'amplitude') out = mul(waveform, this.gain);
    else if (this.gainType === 'db') out = gain(waveform, this.gain);
    else out = gain(waveform, 10 * Math.log10(this.gain));
    return clamp(out, -1, 1);
  }
}
