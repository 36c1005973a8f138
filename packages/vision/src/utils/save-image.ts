import { writeFile } from 'node:fs/promises';
import { ArgumentTypeError, type Tensor, ValueError } from '@dl/core';
import { checkQuality } from '../io/internal/encode-options';
import { encodeJpegRaw, encodePngRaw } from '../io/internal/encode-raw';
import { encodeSource } from '../io/internal/encode-source';
import { describeInput } from '../transforms/functional/internal/image-input';
import { type MakeGridOptions, makeGrid } from './make-grid';

/**
 * Options of {@link saveImage}: the grid's, plus the file format.
 *
 * @example
 * ```ts
 * await utils.saveImage(batch, 'samples.out', { format: 'jpeg', quality: 90, nrow: 4 });
 * ```
 */
export interface SaveImageOptions extends MakeGridOptions {
  /** `'png'` or `'jpeg'` (`'jpg'`). @default from the file extension (.png, .jpg, .jpeg) */
  format?: 'png' | 'jpeg' | 'jpg';
  /** JPEG quality 1..100 (PIL's default). @default 75 */
  quality?: number;
}

function formatOf(fp: string, format: unknown): 'png' | 'jpeg' {
  if (format !== undefined) {
    if (format === 'png') return 'png';
    if (format === 'jpeg' || format === 'jpg') return 'jpeg';
    throw new ValueError(`saveImage: format must be 'png', 'jpeg' or 'jpg', got ${JSON.stringify(format)}`);
  }
  const ext = /\.([^./\\]+)$/.exec(fp)?.[1]?.toLowerCase();
  if (ext === 'png') return 'png';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  throw new ValueError(`saveImage: cannot tell the format from the file name ${JSON.stringify(fp)} (expected .png, .jpg or .jpeg); pass { format }`);
}

/**
 * Saves a tensor or a batch as an image file, as torchvision's `utils.save_image`: the images
 * are tiled by {@link makeGrid} (with its options), scaled to 8 bits by
 * `x * 255 + 0.5` clamped to 0..255 (float32 in [0, 1]; int32 tensors, torchvision's error, are
 * taken as 0..255 values), and written as PNG or JPEG (quality 75 by default, as PIL).
 *
 * @example
 * ```ts
 * await utils.saveImage(batch, 'samples.png', { nrow: 4, normalize: true });
 * ```
 */
export async function saveImage(input: Tensor | readonly Tensor[], fp: string, options: SaveImageOptions = {}): Promise<void> {
  if (typeof fp !== 'string') throw new ArgumentTypeError(`saveImage: expected a file path, got ${describeInput(fp)}`);
  const { format: formatOption, quality: qualityOption, ...gridOptions } = options;
  const format = formatOf(fp, formatOption);
  const quality = format === 'jpeg' ? checkQuality(qualityOption ?? 75, 'saveImage') : 0;
  const grid = makeGrid(input, gridOptions);
  const raw = encodeSource(grid, 'saveImage', format === 'png' ? [1, 2, 3, 4] : [1, 3]);
  await writeFile(fp, format === 'png' ? await encodePngRaw(raw, 6) : await encodeJpegRaw(raw, quality, 'saveImage'));
}
