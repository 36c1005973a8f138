import { add, clamp, mul, to, type Tensor } from '@dl/core';
import { Image } from '../../../image/image';
import { maxValue } from './image-input';

const f32 = Math.fround;

/**
 * @internal PIL's `Image.blend(degenerate, img, factor)` (libImaging/Blend.c): per byte
 * `in1 + alpha * (in2 - in1)` in C float (float32) arithmetic, truncated to uint8; outside
 * `[0, 1]` the value is clipped to `[0, 255]` first. `degenerate` and `img` have the same size and mode.
 */
export function blendImages(degenerate: Image, img: Image, factor: number): Image {
  const a = f32(factor);
  const in1 = degenerate.data;
  const in2 = img.data;
  if (a === 0) return degenerate.clone();
  if (a === 1) return img.clone();
  const out = new Uint8Array(in1.length);
  if (a >= 0 && a <= 1) {
    for (let i = 0; i < out.length; i++) {
      const x = in1[i]!;
      out[i] = f32(x + f32(a * (in2[i]! - x)));
    }
  } else {
    for (let i = 0; i < out.length; i++) {
      const x = in1[i]!;
      const t = f32(x + f32(a * (in2[i]! - x)));
      out[i] = Math.min(255, Math.max(0, t));
    }
  }
  return new Image(img.width, img.height, img.mode, out);
}

/**
 * @internal torchvision's tensor `_blend(img1, img2, ratio)`: `ratio * img1 + (1 - ratio) * img2`
 * in float32, clamped to the dtype's range (`[0, 1]` or `[0, 255]`) and cast back to img1's dtype
 * (truncating, as `.to(torch.uint8)` does). `img2 = 0` is a black image.
 */
export function blendTensors(img1: Tensor, img2: Tensor | 0, ratio: number): Tensor {
  const bound = maxValue(img1);
  // With black, `(1 - ratio) * 0` adds only a (signed) zero: the sum is `ratio * img1` exactly.
  const mixed = img2 === 0 ? mul(img1, ratio) : add(mul(img1, ratio), mul(img2, 1 - ratio));
  const out = clamp(mixed, 0, bound);
  return img1.dtype === 'int32' ? to(out, 'int32') : out;
}
