import { Image } from '../../../image/image';
import { premultiplyAlpha, unpremultiplyAlpha } from './geometry-premultiply';
import { RESAMPLE_FILTERS, type FilterKernel, type ResampleFilter } from './geometry-resample-filters';

// Pillow's fixed point for 8-bit images: 32 bits minus 8 for the value and 2 for overshoot.
const PRECISION_BITS = 22;
const ONE = 1 << PRECISION_BITS;
const HALF = 1 << (PRECISION_BITS - 1);

/** @internal Per output pixel: the first input pixel, how many follow, and their weights. */
export interface AxisCoefficients {
  /** Taps per output pixel (the row length of `weights`). */
  readonly ksize: number;
  /** `[first, count]` per output pixel. */
  readonly bounds: Int32Array;
  /** `ksize` normalized weights per output pixel (zeros past `count`). */
  readonly weights: Float64Array;
}

/**
 * @internal Pillow's `precompute_coeffs`: output pixel `i` centres at `in0 + (i + 0.5) * scale`
 * and reads the inputs within `support * max(scale, 1)` of it (the filter stretched by the
 * downscale factor, which is the antialiasing), weighted by the filter and normalized to sum 1.
 * `in0`/`in1` are the source box edges (C floats in Pillow).
 */
export function precomputeCoefficients(inSize: number, in0: number, in1: number, outSize: number, filter: FilterKernel): AxisCoefficients {
  const scale = Math.fround(Math.fround(in1) - Math.fround(in0)) / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filter.support * filterScale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Float64Array(outSize * ksize);
  const ss = 1 / filterScale;
  for (let xx = 0; xx < outSize; xx++) {
    const center = Math.fround(in0) + (xx + 0.5) * scale;
    let xmin = Math.trunc(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    let xmax = Math.trunc(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    const k = xx * ksize;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = filter.weight((x + xmin - center + 0.5) * ss);
      weights[k + x] = w;
      ww += w;
    }
    if (ww !== 0) for (let x = 0; x < xmax; x++) weights[k + x] = weights[k + x]! / ww;
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = xmax;
  }
  return { ksize, bounds, weights };
}

/** @internal Pillow's `normalize_coeffs_8bpc`: weights as PRECISION_BITS fixed point, rounded away from zero. */
export function fixedPointWeights(weights: Float64Array): Int32Array {
  const out = new Int32Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    out[i] = w < 0 ? Math.trunc(-0.5 + w * ONE) : Math.trunc(0.5 + w * ONE);
  }
  return out;
}

// The passes sum uint8 * fixed-point products exactly as doubles (well inside 2^53; plain `*`
// is faster than Math.imul here) and shift with `>>`,
// which wraps to int32 like Pillow's C int; Uint8ClampedArray stores clip to 0..255 as clip8.
// Small tap counts are unrolled: they are the common case (upscaling) and twice as fast.

/**
 * The fixed-point weights with each window trimmed of its zero weights at either end (a tap
 * that adds 0 changes no sum, and upscaling windows often carry one): `kk[k + skip]` becomes
 * `kk[k]` of the trimmed window.
 */
function fixedPointTaps(co: AxisCoefficients): { ksize: number; kk: Int32Array; bounds: Int32Array } {
  const kk = fixedPointWeights(co.weights);
  const bounds = co.bounds.slice();
  const { ksize } = co;
  for (let i = 0; i < bounds.length / 2; i++) {
    const base = i * ksize;
    let count = bounds[2 * i + 1]!;
    let skip = 0;
    while (count > 1 && kk[base + skip] === 0) {
      skip++;
      count--;
    }
    while (count > 1 && kk[base + skip + count - 1] === 0) count--;
    if (skip > 0) kk.copyWithin(base, base + skip, base + skip + count);
    bounds[2 * i] = bounds[2 * i]! + skip;
    bounds[2 * i + 1] = count;
  }
  return { ksize, kk, bounds };
}

/**
 * Horizontal pass over rows `[rowStart, rowStart + rows)` of an HWC uint8 buffer (clipped to 8
 * bits, as Pillow's temporary image is). Column by column: each output column's taps and
 * weights stay in registers down all the rows, which is faster than reloading them per pixel.
 */
function horizontalPass(src: Uint8Array, srcW: number, c: number, rowStart: number, rows: number, outW: number, co: AxisCoefficients): Uint8ClampedArray {
  const { ksize, kk, bounds } = fixedPointTaps(co);
  const out = new Uint8ClampedArray(outW * rows * c);
  const rowLen = srcW * c;
  const outRow = outW * c;
  const first = rowStart * rowLen;
  for (let xx = 0; xx < outW; xx++) {
    const p0 = first + bounds[2 * xx]! * c;
    const count = bounds[2 * xx + 1]!;
    const kb = xx * ksize;
    const k0 = kk[kb]!;
    const k1 = count > 1 ? kk[kb + 1]! : 0;
    const k2 = count > 2 ? kk[kb + 2]! : 0;
    if (c === 3 && count === 2) {
      for (let y = 0, p = p0, o = xx * 3; y < rows; y++, p += rowLen, o += outRow) {
        out[o] = (HALF + src[p]! * k0 + src[p + 3]! * k1) >> PRECISION_BITS;
        out[o + 1] = (HALF + src[p + 1]! * k0 + src[p + 4]! * k1) >> PRECISION_BITS;
        out[o + 2] = (HALF + src[p + 2]! * k0 + src[p + 5]! * k1) >> PRECISION_BITS;
      }
    } else if (c === 3 && count === 3) {
      for (let y = 0, p = p0, o = xx * 3; y < rows; y++, p += rowLen, o += outRow) {
        out[o] = (HALF + src[p]! * k0 + src[p + 3]! * k1 + src[p + 6]! * k2) >> PRECISION_BITS;
        out[o + 1] = (HALF + src[p + 1]! * k0 + src[p + 4]! * k1 + src[p + 7]! * k2) >> PRECISION_BITS;
        out[o + 2] = (HALF + src[p + 2]! * k0 + src[p + 5]! * k1 + src[p + 8]! * k2) >> PRECISION_BITS;
      }
    } else if (c === 3) {
      for (let y = 0, p = p0, o = xx * 3; y < rows; y++, p += rowLen, o += outRow) {
        let s0 = HALF;
        let s1 = HALF;
        let s2 = HALF;
        for (let x = 0, q = p; x < count; x++, q += 3) {
          const k = kk[kb + x]!;
          s0 += src[q]! * k;
          s1 += src[q + 1]! * k;
          s2 += src[q + 2]! * k;
        }
        out[o] = s0 >> PRECISION_BITS;
        out[o + 1] = s1 >> PRECISION_BITS;
        out[o + 2] = s2 >> PRECISION_BITS;
      }
    } else {
      for (let y = 0, p = p0, o = xx * c; y < rows; y++, p += rowLen, o += outRow) {
        for (let b = 0; b < c; b++) {
          let s = HALF;
          for (let x = 0, q = p + b; x < count; x++, q += c) s += src[q]! * kk[kb + x]!;
          out[o + b] = s >> PRECISION_BITS;
        }
      }
    }
  }
  return out;
}

/** Vertical pass: output row `yy` is a weighted sum of whole input rows (any channel count: rows are `rowLen` values). */
function verticalPass(src: Uint8Array, rowLen: number, outH: number, co: AxisCoefficients, rowOffset: number): Uint8ClampedArray {
  const { ksize, kk, bounds } = fixedPointTaps(co);
  const out = new Uint8ClampedArray(outH * rowLen);
  for (let yy = 0; yy < outH; yy++) {
    const count = bounds[2 * yy + 1]!;
    const kb = yy * ksize;
    const o = yy * rowLen;
    const r0 = (bounds[2 * yy]! - rowOffset) * rowLen;
    const r1 = r0 + rowLen;
    const r2 = r1 + rowLen;
    const r3 = r2 + rowLen;
    const k0 = kk[kb]!;
    const k1 = count > 1 ? kk[kb + 1]! : 0;
    const k2 = count > 2 ? kk[kb + 2]! : 0;
    const k3 = count > 3 ? kk[kb + 3]! : 0;
    if (count === 1) {
      for (let i = 0; i < rowLen; i++) out[o + i] = (HALF + src[r0 + i]! * k0) >> PRECISION_BITS;
    } else if (count === 2) {
      for (let i = 0; i < rowLen; i++) out[o + i] = (HALF + src[r0 + i]! * k0 + src[r1 + i]! * k1) >> PRECISION_BITS;
    } else if (count === 3) {
      for (let i = 0; i < rowLen; i++) {
        out[o + i] = (HALF + src[r0 + i]! * k0 + src[r1 + i]! * k1 + src[r2 + i]! * k2) >> PRECISION_BITS;
      }
    } else if (count === 4) {
      for (let i = 0; i < rowLen; i++) {
        out[o + i] = (HALF + src[r0 + i]! * k0 + src[r1 + i]! * k1 + src[r2 + i]! * k2 + src[r3 + i]! * k3) >> PRECISION_BITS;
      }
    } else {
      for (let i = 0; i < rowLen; i++) {
        let s = HALF;
        for (let y = 0, q = r0 + i; y < count; y++, q += rowLen) s += src[q]! * kk[kb + y]!;
        out[o + i] = s >> PRECISION_BITS;
      }
    }
  }
  return out;
}

/**
 * @internal PIL's `Image.resize(size, filter)` for box, bilinear, hamming, bicubic and lanczos, a
 * port of Pillow's `ImagingResample`: horizontal pass (only over the rows the vertical pass will
 * read) then vertical pass, each skipped when that axis keeps its size, with 8-bit fixed-point
 * weights; RGBA is filtered premultiplied by alpha, as `Image.resize` does.
 */
export function resampleImage(img: Image, outW: number, outH: number, filter: ResampleFilter): Image {
  const c = img.channels;
  const kernel = RESAMPLE_FILTERS[filter];
  const src = img.mode === 'RGBA' ? premultiplyAlpha(img.data) : img.data;
  const needH = outW !== img.width;
  const needV = outH !== img.height;
  let data: Uint8Array | Uint8ClampedArray = src;
  if (needH || needV) {
    const vert = precomputeCoefficients(img.height, 0, img.height, outH, kernel);
    let rowOffset = 0;
    if (needH) {
      const horiz = precomputeCoefficients(img.width, 0, img.width, outW, kernel);
      const first = vert.bounds[0]!;
      const last = vert.bounds[2 * outH - 2]! + vert.bounds[2 * outH - 1]!;
      data = horizontalPass(src, img.width, c, first, last - first, outW, horiz);
      rowOffset = first;
    }
    if (needV) data = verticalPass(data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length), outW * c, outH, vert, rowOffset);
  } else {
    data = src === img.data ? src.slice() : src;
  }
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
  if (img.mode === 'RGBA') unpremultiplyAlpha(bytes);
  return new Image(outW, outH, img.mode, bytes);
}
