/**
 * @internal The point samplers of Pillow's `Image.transform` (Geometry.c's nearest, bilinear and
 * bicubic filters). Each reads an HWC uint8 buffer at the source point `(xin, yin)` (pixel
 * centres at `+ 0.5`), writes `c` values at `out[o]` and returns false, writing nothing, when the
 * point lies outside the image.
 */
export type PointSampler = (src: Uint8Array, w: number, h: number, c: number, xin: number, yin: number, out: Uint8Array, o: number) => boolean;

/** Pillow's `COORD`: truncation, with everything left of 0 at -1. */
function coord(v: number): number {
  return v < 0 ? -1 : Math.trunc(v);
}

function clip(v: number, n: number): number {
  return v < 0 ? 0 : v < n ? v : n - 1;
}

/** @internal Nearest neighbour: the pixel whose square holds the point. */
export const nearestSampler: PointSampler = (src, w, h, c, xin, yin, out, o) => {
  const x = coord(xin);
  const y = coord(yin);
  if (x < 0 || x >= w || y < 0 || y >= h) return false;
  const p = (y * w + x) * c;
  for (let b = 0; b < c; b++) out[o + b] = src[p + b]!;
  return true;
};

/** @internal Bilinear over the 2x2 neighbourhood, edges clamped, the result truncated to 8 bits. */
export const bilinearSampler: PointSampler = (src, w, h, c, xin, yin, out, o) => {
  if (xin < 0 || xin >= w || yin < 0 || yin >= h) return false;
  const xs = xin - 0.5;
  const ys = yin - 0.5;
  const x = Math.floor(xs);
  const y = Math.floor(ys);
  const dx = xs - x;
  const dy = ys - y;
  const r0 = clip(y, h) * w;
  const hasR1 = y + 1 >= 0 && y + 1 < h;
  const r1 = (y + 1) * w;
  const x0 = clip(x, w);
  const x1 = clip(x + 1, w);
  for (let b = 0; b < c; b++) {
    const a0 = src[(r0 + x0) * c + b]!;
    let v1 = a0 + (src[(r0 + x1) * c + b]! - a0) * dx;
    let v2 = v1;
    if (hasR1) {
      const a1 = src[(r1 + x0) * c + b]!;
      v2 = a1 + (src[(r1 + x1) * c + b]! - a1) * dx;
    }
    v1 = v1 + (v2 - v1) * dy;
    out[o + b] = v1;
  }
  return true;
};

function cubic1d(v1: number, v2: number, v3: number, v4: number, d: number): number {
  const p1 = v2;
  const p2 = -v1 + v3;
  const p3 = 2 * (v1 - v2) + v3 - v4;
  const p4 = -v1 + v2 - v3 + v4;
  return p1 + d * (p2 + d * (p3 + d * p4));
}

function cubicRow(src: Uint8Array, row: number, c: number, b: number, xi: Int32Array, d: number): number {
  return cubic1d(src[(row + xi[0]!) * c + b]!, src[(row + xi[1]!) * c + b]!, src[(row + xi[2]!) * c + b]!, src[(row + xi[3]!) * c + b]!, d);
}

const XI = new Int32Array(4);

/** @internal Bicubic (Pillow's a = -0.5 cubic) over the 4x4 neighbourhood, clamped to 0..255 and truncated. */
export const bicubicSampler: PointSampler = (src, w, h, c, xin, yin, out, o) => {
  if (xin < 0 || xin >= w || yin < 0 || yin >= h) return false;
  const xs = xin - 0.5;
  const ys = yin - 0.5;
  let x = Math.floor(xs);
  let y = Math.floor(ys);
  const dx = xs - x;
  const dy = ys - y;
  x--;
  y--;
  for (let i = 0; i < 4; i++) XI[i] = clip(x + i, w);
  for (let b = 0; b < c; b++) {
    const v1 = cubicRow(src, clip(y, h) * w, c, b, XI, dx);
    const v2 = y + 1 >= 0 && y + 1 < h ? cubicRow(src, (y + 1) * w, c, b, XI, dx) : v1;
    const v3 = y + 2 >= 0 && y + 2 < h ? cubicRow(src, (y + 2) * w, c, b, XI, dx) : v2;
    const v4 = y + 3 >= 0 && y + 3 < h ? cubicRow(src, (y + 3) * w, c, b, XI, dx) : v3;
    const v = cubic1d(v1, v2, v3, v4, dy);
    out[o + b] = Math.min(Math.max(v, 0), 255);
  }
  return true;
};
