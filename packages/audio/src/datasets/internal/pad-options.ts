import { ValueError } from '@dl/core';

/**
 * Options of {@link padWaveforms} and {@link padCollate}.
 *
 * @example
 * ```ts
 * const collateFn = padCollate({ padValue: 0, batchFirst: false }); // waveforms [maxLen, B, channels]
 * ```
 */
export interface PadWaveformsOptions {
  /** The value of the frames added after shorter waveforms. @default 0 */
  padValue?: number;
  /**
   * `true`: waveforms `[B, ...channels, maxLen]`; `false`: time first, `[maxLen, B, ...channels]`
   * (PyTorch's `pad_sequence` layouts, with time as the padded dimension). @default true
   */
  batchFirst?: boolean;
}

/** @internal Checks padding options (shared with {@link padCollate}, which checks them up front). */
export function checkPadOptions(options: PadWaveformsOptions, who: string): { padValue: number; batchFirst: boolean } {
  if (options === null || typeof options !== 'object') throw new ValueError(`${who}: options must be an object, got ${options === null ? 'null' : typeof options}`);
  const { padValue = 0, batchFirst = true } = options;
  if (typeof padValue !== 'number') throw new ValueError(`${who}: padValue must be a number, got ${typeof padValue}`);
  if (typeof batchFirst !== 'boolean') throw new ValueError(`${who}: batchFirst must be true or false, got ${typeof batchFirst}`);
  return { padValue, batchFirst };
}
