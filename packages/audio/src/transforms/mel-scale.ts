import { ShapeError, type Tensor, ValueError } from '@dl/core';
import { projectFreq } from '../functional/internal/freq-projection';
import { checkFloatTensor, checkNumber, fmtShape } from '../functional/internal/checks';
import { type MelScaleType, melscaleFbanks } from '../functional/melscale-fbanks';
import { AudioTransform } from './audio-transform';

/** Options of {@link MelScale}. */
export interface MelScaleOptions {
  /** Mel filters. @default 128 */
  nMels?: number;
  /** The audio's sample rate. @default 16000 */
  sampleRate?: number;
  /** Lowest frequency (Hz). @default 0 */
  fMin?: number;
  /** Highest frequency (Hz). @default sampleRate / 2 (floored) */
  fMax?: number | null;
  /** STFT bins of the input (`nFft / 2 + 1`). @default 201 */
  nStft?: number;
  /** `'slaney'` area-normalizes the triangles. @default null */
  norm?: 'slaney' | null;
  /** The mel scale. @default 'htk' */
  melScale?: MelScaleType;
}

/** @internal Resolves and checks the filterbank settings MelScale and InverseMelScale share. */
export function melSettings(options: MelScaleOptions, op: string): { nMels: number; sampleRate: number; fMin: number; fMax: number } {
  const nMels = options.nMels ?? 128;
  const sampleRate = options.sampleRate ?? 16000;
  checkNumber(sampleRate, op, 'sampleRate');
  if (!(sampleRate > 0)) throw new ValueError(`${op}: sampleRate must be positive, got ${sampleRate}`);
  const fMin = options.fMin ?? 0;
  const fMax = options.fMax ?? Math.floor(sampleRate / 2);
  checkNumber(fMin, op, 'fMin');
  checkNumber(fMax, op, 'fMax');
  if (fMin > fMax) throw new ValueError(`${op}: require fMin <= fMax, got fMin=${fMin} and fMax=${fMax}`);
  return { nMels, sampleRate, fMin, fMax };
}

/**
 * A linear-frequency (STFT) spectrogram to a mel spectrogram with triangular filters
 * (torchaudio's `transforms.MelScale`): `[..., nStft, time]` to `[..., nMels, time]` through the
 * `fb` buffer of {@link functional.melscaleFbanks}. Differentiable.
 *
 * @example
 * ```ts
 * const spec = new transforms.Spectrogram({ nFft: 1024 })(wave);
 * const mel = new transforms.MelScale({ sampleRate: 16000, nStft: 1024 / 2 + 1 })(spec); // [1, 128, frames]
 * ```
 */
export class MelScale extends AudioTransform {
  nMels: number;
  sampleRate: number;
  fMax: number;
  fMin: number;
  norm: 'slaney' | null;
  melScale: MelScaleType;
  /** The filterbank, `[nStft, nMels]`. */
  declare fb: Tensor;

  constructor(options: MelScaleOptions = {}) {
    super();
    const op = 'MelScale';
    const { nMels, sampleRate, fMin, fMax } = melSettings(options, op);
    this.nMels = nMels;
    this.sampleRate = sampleRate;
    this.fMax = fMax;
    this.fMin = fMin;
    this.norm = options.norm ?? null;
    this.melScale = options.melScale ?? 'htk';
    this.registerBuffer('fb', melscaleFbanks(options.nStft ?? 201, fMin, fMax, nMels, sampleRate, { norm: this.norm, melScale: this.melScale }));
  }

  /** `[..., freq, time]` to `[..., nMels, time]`. */
  override forward(specgram: Tensor): Tensor {
    checkFloatTensor(specgram, 'MelScale', 'specgram', 2, '[..., freq, time]');
    const nStft = this.fb.shape[0];
    if (specgram.shape[specgram.ndim - 2] !== nStft) {
      throw new ShapeError(`MelScale: expected a spectrogram with ${nStft} frequency bins (nStft), got shape ${fmtShape(specgram.shape)}`);
    }
    // (..., time, freq) x (freq, nMels) -> (..., nMels, time), over each filter's band only.
    return projectFreq(specgram, this.fb, 'MelScale');
  }
}
