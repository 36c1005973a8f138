import { writeFile } from 'node:fs/promises';
import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import type { EncodeJpegOptions } from './encode-jpeg';
import { checkQuality } from './internal/encode-options';
import { encodeJpegRaw } from './internal/encode-raw';
import { encodeSource } from './internal/encode-source';

/**
 * Encodes an image as JPEG (see {@link encodeJpeg}) and writes it to `filename` (torchvision's
 * `write_jpeg`).
 *
 * @example
 * ```ts
 * await io.writeJpeg(await io.readImage('in.png', { mode: io.ImageReadMode.RGB }), 'out.jpg', { quality: 95 });
 * ```
 */
export async function writeJpeg(input: Image | Tensor, filename: string | URL, options: EncodeJpegOptions = {}): Promise<void> {
  const quality = checkQuality(options.quality ?? 75, 'writeJpeg');
  await writeFile(filename, await encodeJpegRaw(encodeSource(input, 'writeJpeg', [1, 3]), quality, 'writeJpeg'));
}
