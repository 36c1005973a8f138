import { ValueError } from '@dl/core';
import type { ImageMode } from '../../image/image';
import { ImageReadMode, isImageReadMode } from '../image-read-mode';

/** @internal A read mode checked (`unchanged` when omitted). */
export function checkReadMode(mode: unknown, op: string): ImageReadMode {
  if (mode === undefined) return ImageReadMode.UNCHANGED;
  if (!isImageReadMode(mode)) {
    throw new ValueError(`${op}: mode must be an ImageReadMode (${Object.values(ImageReadMode).map((m) => `'${m}'`).join(', ')}), got ${JSON.stringify(mode)}`);
  }
  return mode;
}

/** @internal An Image mode checked (undefined: the file's own). */
export function checkImageMode(mode: unknown, op: string): ImageMode | undefined {
  if (mode === undefined) return undefined;
  if (mode !== 'L' && mode !== 'RGB' && mode !== 'RGBA') throw new ValueError(`${op}: mode must be 'L', 'RGB' or 'RGBA', got ${JSON.stringify(mode)}`);
  return mode;
}
