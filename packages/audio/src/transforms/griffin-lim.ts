import { type Generator, type Tensor, ValueError } from '@dl/core';
import { griffinlim } from '../functional/griffinlim';
import { hannWindow } from '../functional/hann-window';
import { checkInt, checkNumber } from '../functional/internal/checks';
import type { WindowFunction, WindowOptions } from '../functional/window-function';
import { AudioTransform } from './audio-transform';
import { makeWindow } from './internal/window-arg';
import { frameSettings } from './spectrogram';

/** Options of {@link GriffinLim}. */
export interface GriffinLimOptions {
  /** FFT size. @default 400 */
  nFft?: number;
  /** Iterations of phase recovery. @default 32 */
  nIter?: number;
  /** Window size. @default nFft */
  winLength?: number | null;
  /** Samples between frames. @default winLength / 2 (floored) */
  hopLength?: number | null;
  /** Makes the window. @default hannWindow */
  windowFn?: WindowFunction;
  /** The exponent the magnitudes carry. @default 2 */
  power?: number;
  /** Options passed to `windowFn`. @default null */
  wkwargs?: WindowOptions | null;
  /** Fast Griffin-Lim's momentum, in [0, 1). @default 0.99 */
  momentum?: number;
  /** The output length. @default null */
  length?: number | null;
  /** Start from random phases rather than zero phase. @default true */
  randInit?: boolean;
  /** The generator of the random initial phases. @default defaultGenerator */
  generator?: Generator;
}

/**
 * A waveform from a magnitude spectrogram by Griffin-Lim phase recovery (torchaudio's
 * `transforms.GriffinLim`): see {@link functional.griffinlim}. `[..., freq, frames]` in,
 * `[..., time]` out.
 *
 * @example
 * ```ts
 * const spec = new transforms.Spectrogram({ nFft: 512 })(wave);
 * const back = new transforms.GriffinLim({ nFft: 512, nIter: 32 })(spec);
 * ```
 */
export class GriffinLim extends AudioTransform {
  nFft: number;
  nIter: number;
  winLength: number;
  hopLength: number;
  override length: number | null;
  power: number;
  momentum: number;
  randInit: boolean;
  /** The window, `winLength` values. */
  declare window: Tensor;
  declare private generator: Generator | undefined;

  constructor(options: GriffinLimOptions = {}) {
    super();
    const op = 'GriffinLim';
    const momentum = options.momentum ?? 0.99;
    checkNumber(momentum, op, 'momentum');
    if (!(momentum >= 0 && momentum < 1)) throw new ValueError(`${op}: momentum must be in the range [0, 1), got ${momentum}`);
    const { nFft, winLength, hopLength } = frameSettings(options, op);
    this.nFft = nFft;
    this.nIter = options.nIter ?? 32;
    checkInt(this.nIter, op, 'nIter', 0);
    this.winLength = winLength;
    this.hopLength = hopLength;
    this.registerBuffer('window', makeWindow(options.windowFn ?? hannWindow, winLength, options.wkwargs, op));
    this.length = options.length ?? null;
    this.power = options.power ?? 2;
    this.momentum = momentum;
    this.randInit = options.randInit ?? true;
    Object.defineProperty(this, 'generator', { value: options.generator, enumerable: false, writable: true });
  }

  /** Magnitudes `[..., freq, frames]` to `[..., time]`. */
  override forward(specgram: Tensor): Tensor {
    return griffinlim(specgram, this.window, this.nFft, this.hopLength, this.winLength, this.power, this.nIter, this.momentum, this.length, this.randInit, {
      generator: this.generator,
    });
  }
}
