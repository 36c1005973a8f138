import { type Tensor, ValueError } from '@dl/core';
import { hannWindow } from '../functional/hann-window';
import { checkInt, checkNumber } from '../functional/internal/checks';
import { spectralCentroid } from '../functional/spectral-centroid';
import type { WindowFunction, WindowOptions } from '../functional/window-function';
import { AudioTransform } from './audio-transform';
import { makeWindow } from './internal/window-arg';
import { frameSettings } from './spectrogram';

/** Options of {@link SpectralCentroid}. */
export interface SpectralCentroidOptions {
  /** FFT size. @default 400 */
  nFft?: number;
  /** Window size. @default nFft */
  winLength?: number | null;
  /** Samples between frames. @default winLength / 2 (floored) */
  hopLength?: number | null;
  /** Zeros added to both ends. @default 0 */
  pad?: number;
  /** Makes the window. @default hannWindow */
  windowFn?: WindowFunction;
  /** Options passed to `windowFn`. @default null */
  wkwargs?: WindowOptions | null;
}

/**
 * The spectral centroid of each frame (torchaudio's `transforms.SpectralCentroid`); see
 * {@link functional.spectralCentroid}. `[..., time]` in, `[..., frames]` (Hz) out.
 *
 * @param sampleRate the audio's sample rate.
 * @example
 * ```ts
 * const centroid = new transforms.SpectralCentroid(16000)(wave); // [1, frames]
 * ```
 */
export class SpectralCentroid extends AudioTransform {
  sampleRate: number;
  nFft: number;
  winLength: number;
  hopLength: number;
  pad: number;
  /** The window, `winLength` values. */
  declare window: Tensor;

  constructor(sampleRate: number, options: SpectralCentroidOptions = {}) {
    super();
    const op = 'SpectralCentroid';
    checkNumber(sampleRate, op, 'sampleRate');
    if (!(sampleRate > 0)) throw new ValueError(`${op}: sampleRate must be positive, got ${sampleRate}`);
    this.sampleRate = sampleRate;
    const { nFft, winLength, hopLength } = frameSettings(options, op);
    this.nFft = nFft;
    this.winLength = winLength;
    this.hopLength = hopLength;
    this.registerBuffer('window', makeWindow(options.windowFn ?? hannWindow, winLength, options.wkwargs, op));
    this.pad = options.pad ?? 0;
    checkInt(this.pad, op, 'pad', 0);
  }

  /** `[..., time]` to `[..., frames]`. */
  override forward(waveform: Tensor): Tensor {
    return spectralCentroid(waveform, this.sampleRate, this.pad, this.window, this.nFft, this.hopLength, this.winLength);
  }
}
