import { add, amax, clamp, amin, div, eq, floor, fmod, logicalAnd, mul, ne, onesLike, remainder, stack, sub, unbind, where, type Tensor } from '@dl/core';

/**
 * @internal torchvision's `_rgb2hsv` on a float32 `[..., 3, H, W]` tensor in [0, 1]: the same
 * float32 operations in the same order (PIL's formulas, with `max == min` guarded instead of NaN).
 */
export function rgbToHsvTensor(img: Tensor): Tensor {
  const [r, g, b] = unbind(img, -3) as [Tensor, Tensor, Tensor];
  const maxc = amax(img, -3);
  const minc = amin(img, -3);
  const eqc = eq(maxc, minc);
  const cr = sub(maxc, minc);
  const ones = onesLike(maxc);
  const s = div(cr, where(eqc, ones, maxc));
  const crDivisor = where(eqc, ones, cr);
  const rc = div(sub(maxc, r), crDivisor);
  const gc = div(sub(maxc, g), crDivisor);
  const bc = div(sub(maxc, b), crDivisor);
  const rIsMax = eq(maxc, r);
  const notR = ne(maxc, r);
  const hr = mul(rIsMax, sub(bc, gc));
  const hg = mul(logicalAnd(eq(maxc, g), notR), sub(add(rc, 2.0), bc));
  const hb = mul(logicalAnd(ne(maxc, g), notR), sub(add(gc, 4.0), rc));
  const h = fmod(add(div(add(add(hr, hg), hb), 6.0), 1.0), 1.0);
  return stack([h, s, maxc], -3);
}

/** @internal torchvision's `_hsv2rgb`: the inverse of {@link rgbToHsvTensor} (float32 `[..., 3, H, W]`). */
export function hsvToRgbTensor(img: Tensor): Tensor {
  const [h, s, v] = unbind(img, -3) as [Tensor, Tensor, Tensor];
  const h6 = mul(h, 6.0);
  const iFloor = floor(h6);
  const f = sub(h6, iFloor);
  const clamp01 = (x: Tensor) => clamp(x, 0, 1);
  const p = clamp01(mul(v, sub(1.0, s)));
  const q = clamp01(mul(v, sub(1.0, mul(s, f))));
  const t = clamp01(mul(v, sub(1.0, mul(s, sub(1.0, f)))));
  const i = remainder(iFloor, 6);
  const is = (k: number) => eq(i, k);
  // Sector i picks (r, g, b) from (v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q).
  const r = where(logicalAnd(ne(i, 0), ne(i, 5)), where(is(1), q, where(is(4), t, p)), v);
  const g = where(is(0), t, where(logicalAnd(ne(i, 1), ne(i, 2)), where(is(3), q, p), v));
  const bl = where(is(2), t, where(is(5), q, where(logicalAnd(ne(i, 3), ne(i, 4)), p, v)));
  return stack([r, g, bl], -3);
}
