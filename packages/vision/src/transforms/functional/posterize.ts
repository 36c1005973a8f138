import { ValueError, div, mul, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkInt8Bit, checkLutMode, checkRank3 } from './internal/color-checks';
import { applyLut } from './internal/color-lut';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Keeps the `bits` highest bits of each channel (torchvision's `posterize`): `x & ~(2 ** (8 - bits) - 1)`.
 * Works on an {@link Image} of mode `L` or `RGB` (PIL's `ImageOps.posterize`) and on an int32 8-bit
 * tensor `[..., 1 or 3, H, W]` (torchvision accepts only uint8 tensors).
 *
 * @param bits how many bits to keep, 0..8.
 * @example
 * ```ts
 * posterize(Image.new('L', [1, 1], 201), 3).getPixel(0, 0); // 192
 * posterize(dl.tensor([[[201]]], { dtype: 'int32' }), 2).item(); // 192
 * ```
 */
export function posterize<T extends ImageInput>(img: T, bits: number): T {
  const op = 'posterize';
  const kind = checkImageInput(img, op);
  if (!Number.isInteger(bits) || bits < 0 || bits > 8) throw new ValueError(`${op}: bits must be an integer from 0 to 8, got ${String(bits)}`);
  const step = 2 ** (8 - bits);
  if (kind === 'image') {
    checkLutMode(img as Image, op);
    return applyLut(img as Image, [Array.from({ length: 256 }, (_, i) => i - (i % step))]) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  checkInt8Bit(t, op);
  checkChannels(t, [1, 3], op);
  // For 0..255, x & -step equals floor(x / step) * step.
  return scoped(t, () => mul(div(t, step, { roundingMode: 'floor' }), step)) as T;
}
