import { sub, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkLutMode, checkRank3 } from './internal/color-checks';
import { applyLut } from './internal/color-lut';
import { checkImageInput, maxValue, type ImageInput } from './internal/image-input';

const INVERT = Array.from({ length: 256 }, (_, i) => 255 - i);

/**
 * Inverts the colors of an image (torchvision's `invert`): `255 - x` for an {@link Image} of mode
 * `L` or `RGB` (PIL's `ImageOps.invert`; other modes throw, as PIL does), `max - x` for a tensor
 * `[..., 1 or 3, H, W]` (max 1 for float32, 255 for int32 8-bit tensors).
 *
 * @example
 * ```ts
 * invert(Image.new('L', [1, 1], 200)).getPixel(0, 0); // 55
 * invert(dl.tensor([[[0.25]]])).item(); // 0.75
 * ```
 */
export function invert<T extends ImageInput>(img: T): T {
  const op = 'invert';
  if (checkImageInput(img, op) === 'image') {
    checkLutMode(img as Image, op);
    return applyLut(img as Image, [INVERT]) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  checkChannels(t, [1, 3], op);
  return sub(maxValue(t), t) as T;
}
