import type { Generator } from '@dl/core';
import { AxisMasking } from './internal/axis-masking';

/** Options of {@link TimeMasking}. */
export interface TimeMaskingOptions {
  /** A different mask for each example and channel of a 4-D batch. @default false */
  iidMasks?: boolean;
  /** The largest fraction of the frames one mask may cover, in [0, 1]. @default 1 */
  p?: number;
  /** The source of the mask positions. @default defaultGenerator (seeded by `manualSeed`) */
  generator?: Generator;
}

/**
 * Masks a random run of frames (torchaudio's `transforms.TimeMasking`, SpecAugment): a length
 * uniform in `[0, min(timeMaskParam, p * frames))` at a uniform start, set to `maskValue` (0 unless
 * given to the call). Seeded with `manualSeed`, the runs are torchaudio's after `torch.manual_seed`.
 *
 * @param timeMaskParam the longest run (exclusive).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * const masked = new transforms.TimeMasking(40, { p: 0.2 })(spec);
 * ```
 */
export class TimeMasking extends AxisMasking {
  constructor(timeMaskParam: number, options: TimeMaskingOptions = {}) {
    super('TimeMasking', timeMaskParam, 2, options.iidMasks ?? false, options.p ?? 1, options.generator);
  }
}
