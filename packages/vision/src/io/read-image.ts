import type { Tensor } from '@dl/core';
import type { DecodeImageOptions } from './decode-image';
import { decodeContext } from './internal/decode-context';
import { decodeRaw } from './internal/decode-raw';
import { readBytes } from './internal/read-bytes';
import { rawToTensor } from './internal/raw-image';
import { checkReadMode } from './internal/read-mode';

/**
 * Reads and decodes an image file into an int32 `[C, H, W]` tensor of 0..255 values
 * (torchvision's `read_image`); see {@link decodeImage} for the formats and modes. A missing,
 * truncated or corrupt file rejects with an ImageError naming the path.
 *
 * @example
 * ```ts
 * const img = await io.readImage('cat.jpg', { mode: io.ImageReadMode.RGB });
 * img.shape; // [3, 240, 320]; img.dtype: 'int32'
 * ```
 */
export async function readImage(path: string, options: Omit<DecodeImageOptions, 'source'> = {}): Promise<Tensor> {
  const mode = checkReadMode(options.mode, 'readImage');
  const ctx = decodeContext('readImage', options, String(path));
  const bytes = await readBytes(path, 'readImage');
  return rawToTensor(await decodeRaw(bytes, ctx), mode);
}
