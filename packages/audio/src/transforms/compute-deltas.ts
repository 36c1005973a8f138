import { type PadMode, type Tensor, ValueError } from '@dl/core';
import { computeDeltas } from '../functional/compute-deltas';
import { checkChoice, checkInt } from '../functional/internal/checks';
import { PAD_MODES } from '../functional/internal/stft-args';
import { AudioTransform } from './audio-transform';

/**
 * Delta coefficients of a spectrogram or features (torchaudio's `transforms.ComputeDeltas`); see
 * {@link functional.computeDeltas}.
 *
 * @param winLength frames in the regression window (at least 3). @default 5
 * @param mode how the ends are padded. @default 'replicate'
 * @example
 * ```ts
 * const deltas = new transforms.ComputeDeltas()(mfcc); // same shape as mfcc
 * ```
 */
export class ComputeDeltas extends AudioTransform {
  winLength: number;
  mode: PadMode;

  constructor(winLength = 5, mode: PadMode = 'replicate') {
    super();
    const op = 'ComputeDeltas';
    checkInt(winLength, op, 'winLength', Number.NEGATIVE_INFINITY);
    if (winLength < 3) throw new ValueError(`${op}: window length should be greater than or equal to 3, got winLength=${winLength}`);
    checkChoice(mode, PAD_MODES, op, 'mode');
    this.winLength = winLength;
    this.mode = mode;
  }

  /** `[..., freq, time]` to deltas of the same shape. */
  override forward(specgram: Tensor): Tensor {
    return computeDeltas(specgram, { winLength: this.winLength, mode: this.mode });
  }
}
