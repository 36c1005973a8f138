import type { Tensor } from '@dl/core';
import { fusedMelSpectrogram } from './internal/fused-mel-spectrogram';
import { checkNumber } from '../functional/internal/checks';
import type { MelScaleType } from '../functional/melscale-fbanks';
import type { PadMode } from '../functional/spectrogram';
import type { WindowFunction, WindowOptions } from '../functional/window-function';
import { AudioTransform } from './audio-transform';
import { MelScale } from './mel-scale';
import { Spectrogram } from './spectrogram';

/** Options of {@link MelSpectrogram}. */
export interface MelSpectrogramOptions {
  /** The audio's sample rate. @default 16000 */
  sampleRate?: number;
  /** FFT size. @default 400 */
  nFft?: number;
  /** Window size. @default nFft */
  winLength?: number | null;
  /** Samples between frames. @default winLength / 2 (floored) */
  hopLength?: number | null;
  /** Lowest frequency (Hz). @default 0 */
  fMin?: number;
  /** Highest frequency (Hz). @default sampleRate / 2 (floored) */
  fMax?: number | null;
  /** Zeros added to both ends first. @default 0 */
  pad?: number;
  /** Mel filters. @default 128 */
  nMels?: number;
  /** Makes the window. @default hannWindow */
  windowFn?: WindowFunction;
  /** Exponent of the magnitude. @default 2 */
  power?: number;
  /** Divide the STFT by the window's L2 norm. @default false */
  normalized?: boolean;
  /** Options passed to `windowFn`. @default null */
  wkwargs?: WindowOptions | null;
  /** Centre the frames. @default true */
  center?: boolean;
  /** How `center` pads. @default 'reflect' */
  padMode?: PadMode;
  /** One-sided STFT. @default true */
  onesided?: boolean;
  /** `'slaney'` area-normalizes the mel triangles. @default null */
  norm?: 'slaney' | null;
  /** The mel scale. @default 'htk' */
  melScale?: MelScaleType;
}

/**
 * A mel spectrogram from a waveform (torchaudio's `transforms.MelSpectrogram`): a
 * {@link Spectrogram} followed by a {@link MelScale}, its submodules `spectrogram` and `mel_scale`
 * (torchaudio's names, so `stateDict()` keys match). `[..., time]` in, `[..., nMels, frames]` out.
 * Differentiable with respect to the waveform.
 *
 * @param sampleRate the audio's sample rate (or pass it as `options.sampleRate`). @default 16000
 * @example
 * ```ts
 * const mel = new transforms.MelSpectrogram(16000, { nFft: 400, hopLength: 160, nMels: 80 });
 * mel(wave).shape; // [1, 80, 101] for one second
 * String(mel); // 'MelSpectrogram(\n  (spectrogram): Spectrogram()\n  (mel_scale): MelScale()\n)'
 * ```
 */
export class MelSpectrogram extends AudioTransform {
  sampleRate: number;
  nFft: number;
  winLength: number;
  hopLength: number;
  pad: number;
  power: number;
  normalized: boolean;
  nMels: number;
  fMax: number | null;
  fMin: number;
  spectrogram: Spectrogram;
  mel_scale: MelScale;

  constructor(sampleRate?: number | MelSpectrogramOptions, options: MelSpectrogramOptions = {}) {
    super();
    const o = typeof sampleRate === 'object' && sampleRate !== null ? sampleRate : { ...options, sampleRate: sampleRate ?? options.sampleRate };
    this.sampleRate = o.sampleRate ?? 16000;
    checkNumber(this.sampleRate, 'MelSpectrogram', 'sampleRate');
    this.spectrogram = new Spectrogram({
      nFft: o.nFft,
      winLength: o.winLength,
      hopLength: o.hopLength,
      pad: o.pad,
      windowFn: o.windowFn,
      power: o.power ?? 2,
      normalized: o.normalized ?? false,
      wkwargs: o.wkwargs,
      center: o.center,
      padMode: o.padMode,
      onesided: o.onesided,
    });
    this.nFft = this.spectrogram.nFft;
    this.winLength = this.spectrogram.winLength;
    this.hopLength = this.spectrogram.hopLength;
    this.pad = this.spectrogram.pad;
    this.power = this.spectrogram.power as number;
    this.normalized = o.normalized ?? false;
    this.nMels = o.nMels ?? 128;
    this.fMax = o.fMax ?? null;
    this.fMin = o.fMin ?? 0;
    this.mel_scale = new MelScale({
      nMels: this.nMels,
      sampleRate: this.sampleRate,
      fMin: this.fMin,
      fMax: this.fMax,
      nStft: Math.floor(this.nFft / 2) + 1,
      norm: o.norm,
      melScale: o.melScale,
    });
  }

  /** `[..., time]` to `[..., nMels, frames]`. */
  override forward(waveform: Tensor): Tensor {
    return fusedMelSpectrogram(this.spectrogram, this.mel_scale, waveform) ?? this.mel_scale.call(this.spectrogram.call(waveform));
  }
}
