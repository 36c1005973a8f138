import { ValueError, ge, sub, where, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkLutMode, checkNumber, checkRank3 } from './internal/color-checks';
import { applyLut } from './internal/color-lut';
import { scoped } from './internal/color-tensor';
import { checkImageInput, maxValue, type ImageInput } from './internal/image-input';

/**
 * Inverts every value at or above `threshold` (torchvision's `solarize`). Works on an
 * {@link Image} of mode `L` or `RGB` (PIL's `ImageOps.solarize`) and on a tensor
 * `[..., 1 or 3, H, W]`, where `threshold` is on the tensor's scale (at most 1 for float32, 255
 * for int32 8-bit tensors).
 *
 * @param threshold values `>= threshold` become `max - x`.
 * @example
 * ```ts
 * solarize(Image.new('L', [1, 1], 200), 128).getPixel(0, 0); // 55
 * solarize(dl.tensor([[[0.25, 0.75]]]), 0.5).tolist(); // [[[0.25, 0.25]]]
 * ```
 */
export function solarize<T extends ImageInput>(img: T, threshold: number): T {
  const op = 'solarize';
  const kind = checkImageInput(img, op);
  checkNumber(threshold, 'threshold', op);
  if (kind === 'image') {
    checkLutMode(img as Image, op);
    return applyLut(img as Image, [Array.from({ length: 256 }, (_, i) => (i < threshold ? i : 255 - i))]) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  checkChannels(t, [1, 3], op);
  const bound = maxValue(t);
  if (threshold > bound) {
    throw new ValueError(`${op}: threshold must be at most ${bound} for a ${t.dtype} image tensor, got ${threshold}`);
  }
  return scoped(t, () => where(ge(t, threshold), sub(bound, t), t)) as T;
}
