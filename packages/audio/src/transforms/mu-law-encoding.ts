import type { Tensor } from '@dl/core';
import { checkInt } from '../functional/internal/checks';
import { muLawEncoding } from '../functional/mu-law-encoding';
import { AudioTransform } from './audio-transform';

/**
 * Mu-law encoding (torchaudio's `transforms.MuLawEncoding`): a signal in [-1, 1] to int32 levels
 * in `[0, quantizationChannels - 1]`. See {@link functional.muLawEncoding}.
 *
 * @param quantizationChannels number of levels. @default 256
 * @example
 * ```ts
 * const codes = new transforms.MuLawEncoding(256)(wave); // int32, 0..255
 * ```
 */
export class MuLawEncoding extends AudioTransform {
  quantizationChannels: number;

  constructor(quantizationChannels = 256) {
    super();
    checkInt(quantizationChannels, 'MuLawEncoding', 'quantizationChannels', 2);
    this.quantizationChannels = quantizationChannels;
  }

  /** Signal to levels. */
  override forward(x: Tensor): Tensor {
    return muLawEncoding(x, this.quantizationChannels);
  }
}
