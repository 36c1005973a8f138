import { amin, amax, clamp, isfinite, logicalNot, mul, reciprocal, sub, to, where, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkLutMode, checkRank3 } from './internal/color-checks';
import { applyLut, bandHistograms } from './internal/color-lut';
import { scoped } from './internal/color-tensor';
import { checkImageInput, maxValue, type ImageInput } from './internal/image-input';

/** PIL's `ImageOps.autocontrast` table (cutoff 0) for one band's histogram. */
function autocontrastLut(hist: readonly number[]): number[] {
  let lo = 0;
  while (lo < 255 && !hist[lo]) lo++;
  let hi = 255;
  while (hi > 0 && !hist[hi]) hi--;
  if (hi <= lo) return Array.from({ length: 256 }, (_, i) => i);
  const scale = 255.0 / (hi - lo);
  const offset = -lo * scale;
  return Array.from({ length: 256 }, (_, i) => Math.trunc(i * scale + offset));
}

/**
 * Stretches each channel so its darkest value becomes black and its lightest white
 * (torchvision's `autocontrast`). An {@link Image} of mode `L` or `RGB` matches PIL's
 * `ImageOps.autocontrast` (per-band histogram, table `int(i * scale + offset)`); a tensor
 * `[..., 1 or 3, H, W]` follows torchvision's tensor path per image and channel (a flat channel is
 * left as it is).
 *
 * @example
 * ```ts
 * autocontrast(img);
 * autocontrast(dl.tensor([[[0.25, 0.5, 0.75]]])).tolist(); // [[[0, 0.5, 1]]]
 * ```
 */
export function autocontrast<T extends ImageInput>(img: T): T {
  const op = 'autocontrast';
  if (checkImageInput(img, op) === 'image') {
    const src = img as Image;
    checkLutMode(src, op);
    return applyLut(src, bandHistograms(src).map(autocontrastLut)) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  checkChannels(t, [1, 3], op);
  const bound = maxValue(t);
  return scoped(t, () => {
    const lo = to(amin(t, [-2, -1], { keepdim: true }), 'float32');
    const hi = to(amax(t, [-2, -1], { keepdim: true }), 'float32');
    // `bound / (hi - lo)` is `reciprocal() * bound` in PyTorch (Tensor.__rtruediv__).
    const scale = mul(reciprocal(sub(hi, lo)), bound);
    const flat = logicalNot(isfinite(scale));
    const out = clamp(mul(sub(t, where(flat, 0, lo)), where(flat, 1, scale)), 0, bound);
    return t.dtype === 'int32' ? to(out, 'int32') : out;
  }) as T;
}
