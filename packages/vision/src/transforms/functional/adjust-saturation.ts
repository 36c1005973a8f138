import type { Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { blendImages, blendTensors } from './internal/color-blend';
import { checkChannels, checkNonNegative } from './internal/color-checks';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';
import { rgbToGrayscale } from './rgb-to-grayscale';

/** PIL's `ImageEnhance.Color` degenerate: the `L` (or `LA`) conversion back in the image's mode. */
function grayImage(img: Image): Image {
  const out = img.convert('L').convert(img.mode);
  if (img.mode === 'RGBA') for (let i = 3; i < out.data.length; i += 4) out.data[i] = img.data[i]!;
  return out;
}

/**
 * Scales the color saturation of an image (torchvision's `adjust_saturation`): a blend with its
 * grayscale version. An {@link Image} matches PIL's `ImageEnhance.Color` byte for byte (an `L`
 * image is returned unchanged); a tensor follows torchvision's tensor path (1-channel tensors are
 * returned as they are, 3-channel ones blend with `rgbToGrayscale`).
 *
 * @param factor 0 gives a gray image, 1 the original, 2 twice the saturation; must be >= 0.
 * @example
 * ```ts
 * adjustSaturation(img, 1.7); // more colorful
 * adjustSaturation(dl.rand([3, 8, 8]), 0); // gray, still 3 channels
 * ```
 */
export function adjustSaturation<T extends ImageInput>(img: T, factor: number): T {
  const op = 'adjustSaturation';
  const kind = checkImageInput(img, op);
  checkNonNegative(factor, 'factor', op);
  if (kind === 'image') {
    const src = img as Image;
    return (src.mode === 'L' ? src.clone() : blendImages(grayImage(src), src, factor)) as T;
  }
  const t = img as Tensor;
  if (checkChannels(t, [1, 3], op) === 1) return t as T;
  return scoped(t, () => blendTensors(t, rgbToGrayscale(t), factor)) as T;
}
