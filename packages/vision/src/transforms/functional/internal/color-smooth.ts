import { conv2d, pad, reshape, round, tensor, to, where, type Tensor } from '@dl/core';
import { Image } from '../../../image/image';

const f32 = Math.fround;
// PIL's SMOOTH kernel (1 1 1 / 1 5 1 / 1 1 1) / 13, divided in float32 as _imaging.c does.
const K1 = f32(1 / 13);
const K5 = f32(5 / 13);

/**
 * @internal PIL's `img.filter(ImageFilter.SMOOTH)` (libImaging/Filter.c `ImagingFilter3x3`):
 * per band, a float32 sum started at 0.5 of three rows (below, centre, above), each
 * `a*k0 + b*k1 + c*k2` in float32, truncated to uint8; the outermost rows and columns are copied,
 * and an image smaller than 3x3 is returned unchanged. Alpha (RGBA) is kept as it was, as
 * ImageEnhance.Sharpness puts it back.
 */
export function smoothImage(img: Image): Image {
  const { width: w, height: h } = img;
  const c = img.channels;
  const src = img.data;
  const out = src.slice();
  if (w < 3 || h < 3) return new Image(w, h, img.mode, out);
  const bands = c === 4 ? 3 : c;
  const stride = w * c;
  const row3 = (at: number, k0: number, k1: number) => f32(f32(f32(src[at - c]! * k0) + f32(src[at]! * k1)) + f32(src[at + c]! * k0));
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const base = y * stride + x * c;
      for (let k = 0; k < bands; k++) {
        const at = base + k;
        let ss = 0.5;
        ss = f32(ss + row3(at + stride, K1, K1));
        ss = f32(ss + row3(at, K1, K5));
        ss = f32(ss + row3(at - stride, K1, K1));
        out[at] = Math.min(255, Math.max(0, ss));
      }
    }
  }
  return new Image(w, h, img.mode, out);
}

/**
 * @internal torchvision's `_blurred_degenerate_image` on `[..., C, H, W]`: the same kernel as a
 * float32 convolution over the interior (rounded half to even for 8-bit tensors), the border
 * pixels kept.
 */
export function smoothTensor(img: Tensor): Tensor {
  const s = img.shape;
  const [hgt, wid] = [s[s.length - 2]!, s[s.length - 1]!];
  const planes = img.numel() / (hgt * wid);
  const weight = reshape(tensor(Float32Array.of(K1, K1, K1, K1, K5, K1, K1, K1, K1)), [1, 1, 3, 3]);
  const x = reshape(to(img, 'float32'), [planes, 1, hgt, wid]);
  let inner = conv2d(x, weight);
  if (img.dtype === 'int32') inner = to(round(inner), 'int32');
  const full = reshape(pad(inner, [1, 1, 1, 1]), s);
  return where(interiorMask(hgt, wid), full, img);
}

function interiorMask(h: number, w: number): Tensor {
  const m = new Uint8Array(h * w);
  for (let y = 1; y < h - 1; y++) m.fill(1, y * w + 1, y * w + w - 1);
  return reshape(to(tensor(m), 'bool'), [h, w]);
}
