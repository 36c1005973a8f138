import { writeFile } from 'node:fs/promises';
import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import type { EncodePngOptions } from './encode-png';
import { checkCompressionLevel } from './internal/encode-options';
import { encodePngRaw } from './internal/encode-raw';
import { encodeSource } from './internal/encode-source';

/**
 * Encodes an image as PNG (see {@link encodePng}) and writes it to `filename` (torchvision's
 * `write_png`).
 *
 * @example
 * ```ts
 * await io.writePng(mask, 'mask.png', { compressionLevel: 9 });
 * ```
 */
export async function writePng(input: Image | Tensor, filename: string | URL, options: EncodePngOptions = {}): Promise<void> {
  const level = checkCompressionLevel(options.compressionLevel ?? 6, 'writePng');
  await writeFile(filename, await encodePngRaw(encodeSource(input, 'writePng', [1, 2, 3, 4]), level));
}
