import type { Tensor } from '@dl/core';
import { hannWindow } from '../functional/hann-window';
import { checkInt } from '../functional/internal/checks';
import { type PadMode, spectrogram } from '../functional/spectrogram';
import type { Normalization, WindowFunction, WindowOptions } from '../functional/window-function';
import { AudioTransform } from './audio-transform';
import { makeWindow } from './internal/window-arg';

/** Options of {@link Spectrogram}. */
export interface SpectrogramOptions {
  /** FFT size: `nFft / 2 + 1` frequency bins. @default 400 */
  nFft?: number;
  /** Window size. @default nFft */
  winLength?: number | null;
  /** Samples between frames. @default winLength / 2 (floored) */
  hopLength?: number | null;
  /** Zeros added to both ends first. @default 0 */
  pad?: number;
  /** Makes the window. @default hannWindow */
  windowFn?: WindowFunction;
  /** Exponent of the magnitude (1 magnitude, 2 power), or `null` for the complex STFT (`[..., freq, time, 2]`). @default 2 */
  power?: number | null;
  /** `'window'` (or `true`) divides by the window's L2 norm, `'frame_length'` by `sqrt(nFft)`. @default false */
  normalized?: Normalization;
  /** Options passed to `windowFn`. @default null */
  wkwargs?: WindowOptions | null;
  /** Pad by `nFft / 2` on both sides so frame `t` is centred at `t * hopLength`. @default true */
  center?: boolean;
  /** How `center` pads: `'reflect'`, `'constant'`, `'replicate'` or `'circular'`. @default 'reflect' */
  padMode?: PadMode;
  /** Keep the `nFft / 2 + 1` non-negative frequencies only. @default true */
  onesided?: boolean;
  /** Deprecated in torchaudio and without effect (`power: null` always returns the complex STFT); emits a warning when given. */
  returnComplex?: boolean | null;
}

/** @internal The frame settings every STFT-based transform resolves the same way. */
export function frameSettings(options: { nFft?: number; winLength?: number | null; hopLength?: number | null }, op: string, defaultNFft = 400, hopDivisor = 2): { nFft: number; winLength: number; hopLength: number } {
  const nFft = options.nFft ?? defaultNFft;
  checkInt(nFft, op, 'nFft', 1);
  const winLength = options.winLength ?? nFft;
  checkInt(winLength, op, 'winLength', 1);
  const hopLength = options.hopLength ?? Math.floor(winLength / hopDivisor);
  checkInt(hopLength, op, 'hopLength', 1);
  return { nFft, winLength, hopLength };
}

/**
 * A spectrogram from a waveform (torchaudio's `transforms.Spectrogram`): see
 * {@link functional.spectrogram}. `[..., time]` in, `[..., freq, frames]` out (`[..., freq,
 * frames, 2]` complex with `power: null`). The window is a buffer (`window`). Differentiable with
 * respect to the waveform.
 *
 * @example
 * ```ts
 * const spec = new transforms.Spectrogram({ nFft: 400, hopLength: 160 });
 * spec(wave).shape; // [1, 201, 101] for one second at 16 kHz
 * String(spec); // 'Spectrogram()'
 * ```
 */
export class Spectrogram extends AudioTransform {
  nFft: number;
  winLength: number;
  hopLength: number;
  pad: number;
  power: number | null;
  normalized: Normalization;
  center: boolean;
  padMode: PadMode;
  onesided: boolean;
  /** The window, `winLength` values. */
  declare window: Tensor;

  constructor(options: SpectrogramOptions = {}) {
    super();
    const op = 'Spectrogram';
    const { nFft, winLength, hopLength } = frameSettings(options, op);
    this.nFft = nFft;
    this.winLength = winLength;
    this.hopLength = hopLength;
    this.registerBuffer('window', makeWindow(options.windowFn ?? hannWindow, winLength, options.wkwargs, op));
    this.pad = options.pad ?? 0;
    this.power = options.power === undefined ? 2 : options.power;
    this.normalized = options.normalized ?? false;
    this.center = options.center ?? true;
    this.padMode = options.padMode ?? 'reflect';
    this.onesided = options.onesided ?? true;
    if (options.returnComplex != null) warnReturnComplex(op);
  }

  /** `[..., time]` to `[..., freq, frames]` (or complex `[..., freq, frames, 2]`). */
  override forward(waveform: Tensor): Tensor {
    return spectrogram(waveform, this.pad, this.window, this.nFft, this.hopLength, this.winLength, this.power, this.normalized, {
      center: this.center,
      padMode: this.padMode,
      onesided: this.onesided,
    });
  }
}

function warnReturnComplex(op: string): void {
  process.emitWarning(`${op}: returnComplex is deprecated and has no effect; power: null always returns the complex spectrum (as [..., freq, time, 2])`, 'DeprecationWarning');
}
