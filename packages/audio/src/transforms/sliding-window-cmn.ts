import type { Tensor } from '@dl/core';
import { checkInt } from '../functional/internal/checks';
import { slidingWindowCmn } from '../functional/sliding-window-cmn';
import { AudioTransform } from './audio-transform';

/** Options of {@link SlidingWindowCmn}. */
export interface SlidingWindowCmnTransformOptions {
  /** Frames in the running window. @default 600 */
  cmnWindow?: number;
  /** The smallest window at the start (only when not `center`). @default 100 */
  minCmnWindow?: number;
  /** A window centred on the current frame. @default false */
  center?: boolean;
  /** Also normalize the variance. @default false */
  normVars?: boolean;
}

/**
 * Sliding-window cepstral mean (and variance) normalization (torchaudio's
 * `transforms.SlidingWindowCmn`); see {@link functional.slidingWindowCmn}. Takes `[..., time, freq]`.
 *
 * @example
 * ```ts
 * const cmn = new transforms.SlidingWindowCmn({ cmnWindow: 300, normVars: true });
 * const normalized = cmn(features); // features: [channel, time, nMfcc]
 * ```
 */
export class SlidingWindowCmn extends AudioTransform {
  cmnWindow: number;
  minCmnWindow: number;
  center: boolean;
  normVars: boolean;

  constructor(options: SlidingWindowCmnTransformOptions = {}) {
    super();
    const op = 'SlidingWindowCmn';
    this.cmnWindow = options.cmnWindow ?? 600;
    this.minCmnWindow = options.minCmnWindow ?? 100;
    checkInt(this.cmnWindow, op, 'cmnWindow', 1);
    checkInt(this.minCmnWindow, op, 'minCmnWindow', 0);
    this.center = options.center ?? false;
    this.normVars = options.normVars ?? false;
  }

  /** `[..., time, freq]` normalized, same shape. */
  override forward(specgram: Tensor): Tensor {
    return slidingWindowCmn(specgram, { cmnWindow: this.cmnWindow, minCmnWindow: this.minCmnWindow, center: this.center, normVars: this.normVars });
  }
}
