import type { Tensor } from '@dl/core';
import { hannWindow } from '../functional/hann-window';
import { inverseSpectrogram } from '../functional/inverse-spectrogram';
import type { PadMode } from '../functional/spectrogram';
import type { Normalization, WindowFunction, WindowOptions } from '../functional/window-function';
import { AudioTransform } from './audio-transform';
import { makeWindow } from './internal/window-arg';
import { frameSettings } from './spectrogram';

/** Options of {@link InverseSpectrogram}. */
export interface InverseSpectrogramOptions {
  /** FFT size. @default 400 */
  nFft?: number;
  /** Window size. @default nFft */
  winLength?: number | null;
  /** Samples between frames. @default winLength / 2 (floored) */
  hopLength?: number | null;
  /** The two-sided padding the forward spectrogram added (removed when a length is given). @default 0 */
  pad?: number;
  /** Makes the window. @default hannWindow */
  windowFn?: WindowFunction;
  /** How the forward spectrogram was normalized. @default false */
  normalized?: Normalization;
  /** Options passed to `windowFn`. @default null */
  wkwargs?: WindowOptions | null;
  /** Whether the forward spectrogram was centred. @default true */
  center?: boolean;
  /** The forward spectrogram's pad mode (not used by the inverse). @default 'reflect' */
  padMode?: PadMode;
  /** Whether the spectrogram is one-sided. @default true */
  onesided?: boolean;
}

/**
 * Recovers a waveform from a complex spectrogram (torchaudio's `transforms.InverseSpectrogram`):
 * see {@link functional.inverseSpectrogram}. Takes `[..., freq, frames, 2]` (the complex layout
 * `Spectrogram({ power: null })` returns) and an optional output length.
 *
 * @example
 * ```ts
 * const stft = new transforms.Spectrogram({ nFft: 512, power: null });
 * const istft = new transforms.InverseSpectrogram({ nFft: 512 });
 * const back = istft(stft(wave), wave.shape[1]); // ≈ wave
 * ```
 */
export class InverseSpectrogram extends AudioTransform<[Tensor, (number | null)?]> {
  nFft: number;
  winLength: number;
  hopLength: number;
  pad: number;
  normalized: Normalization;
  center: boolean;
  padMode: PadMode;
  onesided: boolean;
  /** The window, `winLength` values. */
  declare window: Tensor;

  constructor(options: InverseSpectrogramOptions = {}) {
    super();
    const op = 'InverseSpectrogram';
    const { nFft, winLength, hopLength } = frameSettings(options, op);
    this.nFft = nFft;
    this.winLength = winLength;
    this.hopLength = hopLength;
    this.registerBuffer('window', makeWindow(options.windowFn ?? hannWindow, winLength, options.wkwargs, op));
    this.pad = options.pad ?? 0;
    this.normalized = options.normalized ?? false;
    this.center = options.center ?? true;
    this.padMode = options.padMode ?? 'reflect';
    this.onesided = options.onesided ?? true;
  }

  /** Complex `[..., freq, frames, 2]` to `[..., time]` (`length` samples when given). */
  override forward(spectrogram: Tensor, length: number | null = null): Tensor {
    return inverseSpectrogram(spectrogram, length, this.pad, this.window, this.nFft, this.hopLength, this.winLength, this.normalized, {
      center: this.center,
      padMode: this.padMode,
      onesided: this.onesided,
    });
  }
}
