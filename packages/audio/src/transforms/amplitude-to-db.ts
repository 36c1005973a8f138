import { type Tensor, ValueError } from '@dl/core';
import { amplitudeToDB } from '../functional/amplitude-to-db';
import { checkChoice, checkNumber } from '../functional/internal/checks';
import { AudioTransform } from './audio-transform';

/** The scale of a spectrogram: power (squared magnitude) or magnitude. */
export type SpectrogramScale = 'power' | 'magnitude';

/**
 * Power or magnitude to decibels (torchaudio's `transforms.AmplitudeToDB`):
 * `10 log10(x)` for power, `20 log10(x)` for magnitude (values below 1e-10 clamped), optionally
 * clipped at `topDb` below each item's maximum. See {@link functional.amplitudeToDB}.
 *
 * @param stype the input's scale. @default 'power'
 * @param topDb the dynamic range kept, or `null`. @default null
 * @example
 * ```ts
 * const db = new transforms.AmplitudeToDB('power', 80)(new transforms.MelSpectrogram()(wave));
 * ```
 */
export class AmplitudeToDB extends AudioTransform {
  stype: SpectrogramScale;
  topDb: number | null;
  multiplier: number;
  amin: number;
  refValue: number;
  dbMultiplier: number;

  constructor(stype: SpectrogramScale = 'power', topDb: number | null = null) {
    super();
    const op = 'AmplitudeToDB';
    checkChoice(stype, ['power', 'magnitude'] as const, op, 'stype');
    if (topDb !== null) {
      checkNumber(topDb, op, 'topDb');
      if (topDb < 0) throw new ValueError(`${op}: topDb must be a positive value, got ${topDb}`);
    }
    this.stype = stype;
    this.topDb = topDb;
    this.multiplier = stype === 'power' ? 10 : 20;
    this.amin = 1e-10;
    this.refValue = 1;
    this.dbMultiplier = Math.log10(Math.max(this.amin, this.refValue));
  }

  /** Values to decibels, same shape. */
  override forward(x: Tensor): Tensor {
    return amplitudeToDB(x, this.multiplier, this.amin, this.dbMultiplier, this.topDb);
  }
}
