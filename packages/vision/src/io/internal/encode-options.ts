import { ValueError } from '@dl/core';

/** @internal The quality option checked. */
export function checkQuality(quality: unknown, op: string): number {
  if (typeof quality !== 'number' || !Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new ValueError(`${op}: quality must be an integer from 1 to 100, got ${String(quality)}`);
  }
  return quality;
}

/** @internal The compression level checked. */
export function checkCompressionLevel(level: unknown, op: string): number {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 9) {
    throw new ValueError(`${op}: compressionLevel must be an integer from 0 to 9, got ${String(level)}`);
  }
  return level;
}
