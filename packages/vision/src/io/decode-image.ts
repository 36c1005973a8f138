import type { Tensor } from '@dl/core';
import type { ImageDecodeLimits } from './image-decode-limits';
import type { ImageReadMode } from './image-read-mode';
import { decodeContext } from './internal/decode-context';
import { decodeRaw } from './internal/decode-raw';
import { toBytes } from './internal/image-bytes';
import { rawToTensor } from './internal/raw-image';
import { checkReadMode } from './internal/read-mode';

/**
 * Options of {@link decodeImage}, {@link decodeJpeg}, {@link decodePng} and {@link readImage}.
 *
 * @example
 * ```ts
 * const options: io.DecodeImageOptions = { mode: io.ImageReadMode.RGB, maxPixels: 50_000_000 };
 * ```
 */
export interface DecodeImageOptions extends ImageDecodeLimits {
  /** The channels of the result. @default ImageReadMode.UNCHANGED */
  mode?: ImageReadMode;
}

/**
 * Decodes a JPEG, PNG, WebP, GIF (first frame), BMP or TIFF into an int32 `[C, H, W]` tensor of
 * 0..255 values (torchvision's `decode_image`; int32 stands in for uint8). The pixels are PIL's
 * (`pilToTensor(Image.open(f).convert(...))`), whichever backend decodes.
 *
 * Differences from torchvision 0.14, which reads PNG and JPEG only: a palette PNG gives RGB(A)
 * under `UNCHANGED` (torchvision returns the palette indices) and a CMYK JPEG gives RGB (it
 * returns the CMYK samples); 16-bit PNGs decode (torchvision refuses them) to PIL's 8-bit values;
 * `GRAY` is PIL's luma of the RGB pixels (torchvision takes libjpeg's Y plane for JPEG, up to 11
 * levels apart on the test images, and libpng's weights for PNG, 1 level apart); a PNG `tRNS`
 * colour key becomes alpha in the alpha modes (torchvision ignores it); every mode works for every
 * format.
 *
 * Rejects with an ImageError naming the source (`<buffer>` unless `source` says) for empty,
 * truncated, corrupt or unrecognised data, and for a size above `maxPixels`.
 *
 * @example
 * ```ts
 * const t = await io.decodeImage(await io.readFile('cat.png'), { mode: io.ImageReadMode.RGB });
 * t.shape; // [3, 240, 320]
 * ```
 */
export async function decodeImage(input: Uint8Array | ArrayBuffer, options: DecodeImageOptions = {}): Promise<Tensor> {
  const mode = checkReadMode(options.mode, 'decodeImage');
  const bytes = toBytes(input, 'decodeImage');
  return rawToTensor(await decodeRaw(bytes, decodeContext('decodeImage', options)), mode);
}
