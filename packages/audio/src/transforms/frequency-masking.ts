import type { Generator } from '@dl/core';
import { AxisMasking } from './internal/axis-masking';

/** Options of {@link FrequencyMasking}. */
export interface FrequencyMaskingOptions {
  /** A different mask for each example and channel of a 4-D batch. @default false */
  iidMasks?: boolean;
  /** The source of the mask positions. @default defaultGenerator (seeded by `manualSeed`) */
  generator?: Generator;
}

/**
 * Masks a random band of frequencies (torchaudio's `transforms.FrequencyMasking`, SpecAugment):
 * a width uniform in `[0, freqMaskParam)` at a uniform start, set to `maskValue` (0 unless given to
 * the call). Seeded with `manualSeed`, the bands are torchaudio's after `torch.manual_seed`.
 *
 * @param freqMaskParam the largest band width (exclusive).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * const masked = new transforms.FrequencyMasking(30)(spec);
 * ```
 */
export class FrequencyMasking extends AxisMasking {
  constructor(freqMaskParam: number, options: FrequencyMaskingOptions = {}) {
    super('FrequencyMasking', freqMaskParam, 1, options.iidMasks ?? false, 1, options.generator);
  }
}
