import type { Tensor } from '@dl/core';
import { checkInt } from '../functional/internal/checks';
import { muLawDecoding } from '../functional/mu-law-decoding';
import { AudioTransform } from './audio-transform';

/**
 * Mu-law decoding (torchaudio's `transforms.MuLawDecoding`): levels in
 * `[0, quantizationChannels - 1]` back to a float signal in [-1, 1]. See {@link functional.muLawDecoding}.
 *
 * @param quantizationChannels number of levels. @default 256
 * @example
 * ```ts
 * const back = new transforms.MuLawDecoding(256)(new transforms.MuLawEncoding(256)(wave)); // ≈ wave
 * ```
 */
export class MuLawDecoding extends AudioTransform {
  quantizationChannels: number;

  constructor(quantizationChannels = 256) {
    super();
    checkInt(quantizationChannels, 'MuLawDecoding', 'quantizationChannels', 2);
    this.quantizationChannels = quantizationChannels;
  }

  /** Levels to signal. */
  override forward(xMu: Tensor): Tensor {
    return muLawDecoding(xMu, this.quantizationChannels);
  }
}
