import type { Tensor } from '@dl/core';
import type { DecodeImageOptions } from '../decode-image';
import { detectImageFormat, type ImageFormat } from '../image-format';
import { decodeContext, imageError } from './decode-context';
import { decodeRaw, FORMAT_NAMES } from './decode-raw';
import { toBytes } from './image-bytes';
import { rawToTensor } from './raw-image';
import { checkReadMode } from './read-mode';

/** @internal decodeImage restricted to one format (decodeJpeg, decodePng). */
export async function decodeAs(format: ImageFormat, op: string, input: Uint8Array | ArrayBuffer, options: DecodeImageOptions): Promise<Tensor> {
  const mode = checkReadMode(options.mode, op);
  const bytes = toBytes(input, op);
  const ctx = decodeContext(op, options);
  const actual = detectImageFormat(bytes);
  if (actual !== format) {
    throw imageError(ctx, `expected ${FORMAT_NAMES[format]} data, got ${actual === null ? (bytes.length === 0 ? 'empty input (0 bytes)' : 'data in no supported format') : `${FORMAT_NAMES[actual]} data`}`);
  }
  return rawToTensor(await decodeRaw(bytes, ctx), mode);
}
