import type { Image, ImageMode } from '../image/image';
import type { ImageDecodeLimits } from './image-decode-limits';
import { decodeContext } from './internal/decode-context';
import { decodeRaw } from './internal/decode-raw';
import { toBytes } from './internal/image-bytes';
import { rawToImage } from './internal/raw-image';
import { readBytes } from './internal/read-bytes';
import { checkImageMode } from './internal/read-mode';

/**
 * Options of {@link openImage} and {@link decodeImageToImage}.
 *
 * @example
 * ```ts
 * const img = await io.openImage('scan.tif', { mode: 'L', maxPixels: null });
 * ```
 */
export interface OpenImageOptions extends ImageDecodeLimits {
  /**
   * Convert to this mode, as PIL's `Image.open(f).convert(mode)`. Omitted: the mode PIL opens the
   * file in (`L`, `RGB` or `RGBA`; gray+alpha and palettes with transparency give `RGBA`, a
   * palette without gives `RGB`).
   */
  mode?: ImageMode;
}

/**
 * Opens an image file (or decodes bytes) into an {@link Image}: PIL's
 * `Image.open(f).convert(mode)` with the same pixels, for JPEG, PNG, WebP, GIF (first frame), BMP
 * and TIFF. `openImage(path, { mode: 'RGB' })` is torchvision's `pil_loader`. Rejects with an
 * ImageError naming the file (or `<buffer>`) when it is missing, truncated, corrupt, not an image,
 * or larger than `maxPixels`.
 *
 * @example
 * ```ts
 * const img = await io.openImage('cat.png', { mode: 'RGB' });
 * String(img); // '<Image mode=RGB size=320x240>'
 * ```
 */
export async function openImage(input: string | URL | Uint8Array | ArrayBuffer, options: OpenImageOptions = {}): Promise<Image> {
  const mode = checkImageMode(options.mode, 'openImage');
  const isPath = typeof input === 'string' || input instanceof URL;
  const ctx = decodeContext('openImage', options, isPath ? String(input) : undefined);
  const bytes = isPath ? await readBytes(input, 'openImage') : toBytes(input, 'openImage');
  return rawToImage(await decodeRaw(bytes, ctx), mode);
}
