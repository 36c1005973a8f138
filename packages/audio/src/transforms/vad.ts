import { type Tensor, ValueError } from '@dl/core';
import { checkNumber } from '../functional/internal/checks';
import { vad, type VadOptions } from '../functional/vad';
import { AudioTransform } from './audio-transform';

/**
 * Voice activity detection that trims leading silence (torchaudio's `transforms.Vad`, after SoX's
 * `vad` effect); see {@link functional.vad} for the algorithm and `VadOptions` for the settings.
 * Takes `[time]` or `[channel, time]`.
 *
 * @param sampleRate the audio's sample rate.
 * @example
 * ```ts
 * const trimmed = new transforms.Vad(16000, { triggerLevel: 7.5 })(wave);
 * ```
 */
export class Vad extends AudioTransform {
  sampleRate: number;
  options: VadOptions;

  constructor(sampleRate: number, options: VadOptions = {}) {
    super();
    checkNumber(sampleRate, 'Vad', 'sampleRate');
    if (!(sampleRate > 0)) throw new ValueError(`Vad: sampleRate must be positive, got ${sampleRate}`);
    this.sampleRate = sampleRate;
    this.options = { ...options };
  }

  /** The waveform with its leading silence cut. */
  override forward(waveform: Tensor): Tensor {
    return vad(waveform, this.sampleRate, this.options);
  }
}
