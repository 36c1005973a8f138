import { Image } from '../../../image/image';
import { premultiplyAlpha, unpremultiplyAlpha } from './geometry-premultiply';
import { bicubicSampler, bilinearSampler, nearestSampler, type PointSampler } from './geometry-transform-filters';

/** @internal The samplers `Image.transform` accepts. */
export type TransformFilter = 'nearest' | 'bilinear' | 'bicubic';

const SAMPLERS: Readonly<Record<TransformFilter, PointSampler>> = { nearest: nearestSampler, bilinear: bilinearSampler, bicubic: bicubicSampler };

interface Buffers {
  readonly src: Uint8Array;
  readonly w: number;
  readonly h: number;
  readonly c: number;
  readonly out: Uint8Array;
  readonly ow: number;
  readonly oh: number;
}

/** @internal `pixels` pixels of `fill` (one value per channel), HWC; faster than filling pixel by pixel. */
export function filledPixels(pixels: number, fill: readonly number[]): Uint8Array {
  const c = fill.length;
  const out = new Uint8Array(pixels * c);
  if (fill.every((v) => v === fill[0])) return fill[0] === 0 ? out : out.fill(fill[0]!);
  if (pixels === 0) return out;
  out.set(fill);
  for (let n = c; n < out.length; n *= 2) out.copyWithin(n, 0, Math.min(n, out.length - n));
  return out;
}

function coord(v: number): number {
  return v < 0 ? -1 : Math.trunc(v);
}

function copyPixel(b: Buffers, xin: number, yin: number, o: number): void {
  const p = (yin * b.w + xin) * b.c;
  for (let k = 0; k < b.c; k++) b.out[o + k] = b.src[p + k]!;
}

/** Pillow's `ImagingScaleAffine`: no rotation or shear, columns pretabulated, positions accumulated by addition. */
function scaleAffine(b: Buffers, a: readonly number[]): void {
  const { c, src, out } = b;
  const xintab = new Int32Array(b.ow);
  let xo = a[2]! + a[0]! * 0.5;
  let yo = a[5]! + a[4]! * 0.5;
  let xmin = b.ow;
  let xmax = 0;
  for (let x = 0; x < b.ow; x++) {
    const xin = coord(xo);
    if (xin >= 0 && xin < b.w) {
      xmax = x + 1;
      if (x < xmin) xmin = x;
      xintab[x] = xin * c;
    }
    xo += a[0]!;
  }
  for (let y = 0; y < b.oh; y++) {
    const yi = coord(yo);
    yo += a[4]!;
    if (yi < 0 || yi >= b.h) continue;
    const row = yi * b.w * c;
    let o = (y * b.ow + xmin) * c;
    if (c === 3) {
      for (let x = xmin; x < xmax; x++, o += 3) {
        const p = row + xintab[x]!;
        out[o] = src[p]!;
        out[o + 1] = src[p + 1]!;
        out[o + 2] = src[p + 2]!;
      }
    } else {
      for (let x = xmin; x < xmax; x++, o += c) {
        const p = row + xintab[x]!;
        for (let k = 0; k < c; k++) out[o + k] = src[p + k]!;
      }
    }
  }
}

function fitsFixed(a: readonly number[], x: number, y: number): boolean {
  return Math.abs(x * a[0]! + y * a[1]! + a[2]!) < 32768 && Math.abs(x * a[3]! + y * a[4]! + a[5]!) < 32768;
}

/** Pillow's `affine_fixed`: nearest neighbour in 16.16 fixed point. */
function affineFixed(b: Buffers, a: readonly number[]): void {
  const fix = (v: number) => Math.floor(v * 65536 + 0.5) | 0;
  const a0 = fix(a[0]!);
  const a1 = fix(a[1]!);
  const a3 = fix(a[3]!);
  const a4 = fix(a[4]!);
  let a2 = fix(a[2]! + a[0]! * 0.5 + a[1]! * 0.5);
  let a5 = fix(a[5]! + a[3]! * 0.5 + a[4]! * 0.5);
  for (let y = 0; y < b.oh; y++) {
    let xx = a2;
    let yy = a5;
    for (let x = 0; x < b.ow; x++) {
      const xin = xx >> 16;
      if (xin >= 0 && xin < b.w) {
        const yin = yy >> 16;
        if (yin >= 0 && yin < b.h) copyPixel(b, xin, yin, (y * b.ow + x) * b.c);
      }
      xx = (xx + a0) | 0;
      yy = (yy + a3) | 0;
    }
    a2 = (a2 + a1) | 0;
    a5 = (a5 + a4) | 0;
  }
}

/** Pillow's floating-point nearest affine, used when positions overflow 16.16 fixed point. */
function affineFloat(b: Buffers, a: readonly number[]): void {
  let xo = a[2]! + a[1]! * 0.5 + a[0]! * 0.5;
  let yo = a[5]! + a[4]! * 0.5 + a[3]! * 0.5;
  for (let y = 0; y < b.oh; y++) {
    let xx = xo;
    let yy = yo;
    for (let x = 0; x < b.ow; x++) {
      const xin = coord(xx);
      if (xin >= 0 && xin < b.w) {
        const yin = coord(yy);
        if (yin >= 0 && yin < b.h) copyPixel(b, xin, yin, (y * b.ow + x) * b.c);
      }
      xx += a[0]!;
      yy += a[3]!;
    }
    xo += a[1]!;
    yo += a[4]!;
  }
}

/** Pillow's `ImagingGenericTransform`: map each output pixel centre, sample there. */
function generic(b: Buffers, method: 'affine' | 'perspective', a: readonly number[], sampler: PointSampler): void {
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const a6 = method === 'perspective' ? a[6]! : 0;
  const a7 = method === 'perspective' ? a[7]! : 0;
  for (let y = 0; y < b.oh; y++) {
    const yin = y + 0.5;
    for (let x = 0; x < b.ow; x++) {
      const xin = x + 0.5;
      let xs = a0 * xin + a1 * yin + a2;
      let ys = a3 * xin + a4 * yin + a5;
      if (method === 'perspective') {
        const d = a6 * xin + a7 * yin + 1;
        xs /= d;
        ys /= d;
      }
      sampler(b.src, b.w, b.h, b.c, xs, ys, b.out, (y * b.ow + x) * b.c);
    }
  }
}

/**
 * @internal PIL's `img.transform((ow, oh), AFFINE | PERSPECTIVE, a, filter, fillcolor=fill)`: the
 * output starts as `fill`; each output pixel `(x, y)` reads the source at `a` applied to
 * `(x + 0.5, y + 0.5)`. Nearest affine takes Pillow's fast paths (scale-only, 16.16 fixed point)
 * so that ties round the same way; RGBA with bilinear/bicubic is filtered premultiplied.
 */
export function transformImage(img: Image, ow: number, oh: number, method: 'affine' | 'perspective', a: readonly number[], filter: TransformFilter, fill: readonly number[]): Image {
  const c = img.channels;
  const premultiplied = img.mode === 'RGBA' && filter !== 'nearest';
  const out = filledPixels(ow * oh, fill);
  const b: Buffers = { src: premultiplied ? premultiplyAlpha(img.data) : img.data, w: img.width, h: img.height, c, out, ow, oh };
  if (method === 'affine' && filter === 'nearest') {
    if (a[1] === 0 && a[3] === 0) scaleAffine(b, a);
    else if (fitsFixed(a, 0, 0) && fitsFixed(a, ow, oh) && fitsFixed(a, 0, oh) && fitsFixed(a, ow, 0)) affineFixed(b, a);
    else affineFloat(b, a);
  } else {
    generic(b, method, a, SAMPLERS[filter]);
  }
  if (premultiplied) unpremultiplyAlpha(out);
  return new Image(ow, oh, img.mode, out);
}
