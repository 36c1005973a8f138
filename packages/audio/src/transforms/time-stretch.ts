import { linspace, type Tensor, ValueError } from '@dl/core';
import { checkInt, checkNumber } from '../functional/internal/checks';
import { phaseVocoder } from '../functional/phase-vocoder';
import { AudioTransform } from './audio-transform';

/** Options of {@link TimeStretch}. */
export interface TimeStretchOptions {
  /** Samples between the STFT's frames. @default nFft / 2, with nFft = 2 (nFreq - 1) */
  hopLength?: number | null;
  /** Frequency bins of the STFT. @default 201 */
  nFreq?: number;
  /** The rate to apply when `forward` is given none. @default null */
  fixedRate?: number | null;
}

/**
 * Stretches a complex STFT in time without changing its pitch (torchaudio's
 * `transforms.TimeStretch`, SpecAugment): a phase vocoder ({@link functional.phaseVocoder}) with
 * the `phase_advance` buffer `linspace(0, pi * hopLength, nFreq)`. Takes complex
 * `[..., freq, frames, 2]` and a rate (or uses `fixedRate`); returns `ceil(frames / rate)` frames.
 *
 * @example
 * ```ts
 * const stft = new transforms.Spectrogram({ power: null })(wave);
 * const stretch = new transforms.TimeStretch({ nFreq: 201 });
 * stretch(stft, 1.2).shape; // [1, 201, ceil(frames / 1.2), 2]
 * ```
 */
export class TimeStretch extends AudioTransform<[Tensor, (number | null)?]> {
  fixedRate: number | null;
  /** Expected phase advance per hop of each bin, `[nFreq, 1]`. */
  declare phase_advance: Tensor;

  constructor(options: TimeStretchOptions = {}) {
    super();
    const op = 'TimeStretch';
    const nFreq = options.nFreq ?? 201;
    checkInt(nFreq, op, 'nFreq', 1);
    const nFft = (nFreq - 1) * 2;
    const hopLength = options.hopLength ?? Math.floor(nFft / 2);
    checkInt(hopLength, op, 'hopLength', 1);
    this.fixedRate = options.fixedRate ?? null;
    if (this.fixedRate !== null) checkNumber(this.fixedRate, op, 'fixedRate');
    this.registerBuffer('phase_advance', linspace(0, Math.PI * hopLength, nFreq).unsqueeze(-1));
  }

  /** Complex `[..., freq, frames, 2]` to `[..., freq, ceil(frames / rate), 2]`. */
  override forward(complexSpecgrams: Tensor, overridingRate: number | null = null): Tensor {
    const rate = overridingRate ?? this.fixedRate;
    if (rate === null) throw new ValueError('TimeStretch: if no fixedRate is specified, a rate must be passed to forward');
    return phaseVocoder(complexSpecgrams, rate, this.phase_advance);
  }
}
