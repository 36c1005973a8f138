import { div, sum, to, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { blendImages, blendTensors } from './internal/color-blend';
import { checkChannels, checkNonNegative } from './internal/color-checks';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';
import { rgbToGrayscale } from './rgb-to-grayscale';

/** PIL's `ImageEnhance.Contrast` degenerate: the mean gray level `int(mean + 0.5)` everywhere, alpha kept. */
function meanGrayImage(img: Image): Image {
  const gray = img.mode === 'L' ? img.data : img.convert('L').data;
  let total = 0;
  for (let i = 0; i < gray.length; i++) total += gray[i]!;
  const mean = Math.trunc(total / gray.length + 0.5);
  const out = new Image(img.width, img.height, img.mode);
  const c = img.channels;
  out.data.fill(mean);
  if (c === 4) for (let i = 3; i < out.data.length; i += 4) out.data[i] = img.data[i]!;
  return out;
}

/**
 * Scales the contrast of an image (torchvision's `adjust_contrast`): a blend with the mean gray
 * level. An {@link Image} matches PIL's `ImageEnhance.Contrast` byte for byte (mean of the `L`
 * conversion rounded to an integer, float32 blend, truncated; alpha kept); a tensor
 * `[..., 1 or 3, H, W]` blends with the float32 mean of its grayscale version per image, as
 * torchvision's tensor path does.
 *
 * @param factor 0 gives a solid gray image, 1 the original, 2 twice the contrast; must be >= 0.
 * @example
 * ```ts
 * adjustContrast(img, 0.6); // a flatter Image
 * adjustContrast(dl.rand([3, 32, 32]), 1.5);
 * ```
 */
export function adjustContrast<T extends ImageInput>(img: T, factor: number): T {
  const op = 'adjustContrast';
  const kind = checkImageInput(img, op);
  checkNonNegative(factor, 'factor', op);
  if (kind === 'image') {
    const src = img as Image;
    if (src.width * src.height === 0) return src.clone() as T;
    return blendImages(meanGrayImage(src), src, factor) as T;
  }
  const t = img as Tensor;
  const c = checkChannels(t, [1, 3], op);
  return scoped(t, () => {
    const gray = to(c === 3 ? rgbToGrayscale(t) : t, 'float32');
    const dims = t.shape.length === 2 ? [-2, -1] : [-3, -2, -1];
    const count = dims.reduce((n, d) => n * gray.shape[gray.shape.length + d]!, 1);
    // PyTorch's CPU mean is the float32 sum divided by the count (exact for 8-bit images below 2^24 / 255 pixels).
    const mean = div(sum(gray, dims, { keepdim: true }), count);
    return blendTensors(t, mean, factor);
  }) as T;
}
