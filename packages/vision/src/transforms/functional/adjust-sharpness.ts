import type { Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { blendImages, blendTensors } from './internal/color-blend';
import { checkChannels, checkNonNegative } from './internal/color-checks';
import { smoothImage, smoothTensor } from './internal/color-smooth';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Adjusts the sharpness of an image (torchvision's `adjust_sharpness`): a blend with a smoothed
 * copy (3x3 kernel `1 1 1 / 1 5 1 / 1 1 1` over 13, border pixels kept). An {@link Image} matches
 * PIL's `ImageEnhance.Sharpness` byte for byte; a tensor `[..., 1 or 3, H, W]` follows
 * torchvision's tensor path (tensors 2 pixels wide or high are returned as they are).
 *
 * @param factor 0 gives the smoothed image, 1 the original, 2 a sharper one; must be >= 0.
 * @example
 * ```ts
 * adjustSharpness(img, 2);
 * adjustSharpness(dl.rand([4, 3, 16, 16]), 0.5);
 * ```
 */
export function adjustSharpness<T extends ImageInput>(img: T, factor: number): T {
  const op = 'adjustSharpness';
  const kind = checkImageInput(img, op);
  checkNonNegative(factor, 'factor', op);
  if (kind === 'image') {
    const src = img as Image;
    return blendImages(smoothImage(src), src, factor) as T;
  }
  const t = img as Tensor;
  checkChannels(t, [1, 3], op);
  const s = t.shape;
  if (s[s.length - 1]! <= 2 || s[s.length - 2]! <= 2) return t as T;
  return scoped(t, () => blendTensors(t, smoothTensor(t), factor)) as T;
}
