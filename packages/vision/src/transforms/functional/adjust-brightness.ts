import type { Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { blendImages, blendTensors } from './internal/color-blend';
import { checkChannels, checkNonNegative } from './internal/color-checks';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Scales the brightness of an image (torchvision's `adjust_brightness`): a blend with black,
 * `factor * img`. An {@link Image} matches PIL's `ImageEnhance.Brightness` byte for byte (float32
 * blend, truncated; alpha kept); a tensor `[..., 1 or 3, H, W]` follows torchvision's tensor path
 * (clamped to the dtype's range; int32 8-bit tensors truncated like uint8).
 *
 * @param factor 0 gives black, 1 the original, 2 twice as bright; must be >= 0.
 * @example
 * ```ts
 * adjustBrightness(img, 1.4); // a brighter Image
 * adjustBrightness(dl.rand([4, 3, 32, 32]), 0.5); // a darker batch
 * ```
 */
export function adjustBrightness<T extends ImageInput>(img: T, factor: number): T {
  const op = 'adjustBrightness';
  const kind = checkImageInput(img, op);
  checkNonNegative(factor, 'factor', op);
  if (kind === 'image') {
    const src = img as Image;
    const black = new Image(src.width, src.height, src.mode);
    if (src.mode === 'RGBA') for (let i = 3; i < src.data.length; i += 4) black.data[i] = src.data[i]!;
    return blendImages(black, src, factor) as T;
  }
  const t = img as Tensor;
  checkChannels(t, [1, 3], op);
  return scoped(t, () => blendTensors(t, 0, factor)) as T;
}
