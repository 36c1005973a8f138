import type { ImageBatch } from './geometry-tensor';

const f32 = Math.fround;

/**
 * `x * a + y * b + c` as PyTorch's float32 matrix product of the pixel grid computes it (OpenBLAS
 * sgemm: a product, then fused multiply-adds), so grids match it bit for bit. The float32
 * products are exact in double, so one rounding per step gives the fused result.
 */
export function gemm3(x: number, y: number, a: number, b: number, c: number): number {
  return f32(f32(y * b + f32(x * a)) + c);
}

/**
 * @internal torchvision's `_gen_affine_grid`: for each output pixel, the normalized (-1..1) source
 * point of the output-to-input `matrix` taken about the image centres, in float32 like PyTorch.
 * Returns `[oh, ow, 2]` (x, y) values.
 */
export function affineGrid(matrix: readonly number[], w: number, h: number, ow: number, oh: number): Float32Array {
  const t = matrix.map(f32);
  const hw = f32(0.5 * w);
  const hh = f32(0.5 * h);
  const r = [f32(t[0]! / hw), f32(t[1]! / hw), f32(t[2]! / hw), f32(t[3]! / hh), f32(t[4]! / hh), f32(t[5]! / hh)] as const;
  const grid = new Float32Array(oh * ow * 2);
  for (let i = 0; i < oh; i++) {
    const y = -oh * 0.5 + 0.5 + i;
    for (let j = 0; j < ow; j++) {
      const x = -ow * 0.5 + 0.5 + j;
      const o = (i * ow + j) * 2;
      grid[o] = gemm3(x, y, r[0], r[1], r[2]);
      grid[o + 1] = gemm3(x, y, r[3], r[4], r[5]);
    }
  }
  return grid;
}

/**
 * @internal torchvision's `_perspective_grid`: the normalized source point of each output pixel
 * under `x' = (c0 x + c1 y + c2) / (c6 x + c7 y + 1)` (and `y'` alike), pixel centres at `+ 0.5`.
 */
export function perspectiveGrid(coeffs: readonly number[], ow: number, oh: number): Float32Array {
  const c = coeffs.map(f32);
  const hw = f32(0.5 * ow);
  const hh = f32(0.5 * oh);
  const r = [f32(c[0]! / hw), f32(c[1]! / hw), f32(c[2]! / hw), f32(c[3]! / hh), f32(c[4]! / hh), f32(c[5]! / hh)] as const;
  const grid = new Float32Array(oh * ow * 2);
  for (let i = 0; i < oh; i++) {
    const y = i + 0.5;
    for (let j = 0; j < ow; j++) {
      const x = j + 0.5;
      const d = gemm3(x, y, c[6]!, c[7]!, 1);
      const gx = gemm3(x, y, r[0], r[1], r[2]);
      const gy = gemm3(x, y, r[3], r[4], r[5]);
      const o = (i * ow + j) * 2;
      grid[o] = f32(f32(gx / d) - 1);
      grid[o + 1] = f32(f32(gy / d) - 1);
    }
  }
  return grid;
}

/** `torch.round` on a float32 value (ties to even). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * @internal `grid_sample(img, grid, mode, padding_mode='zeros', align_corners=False)` of PyTorch's
 * CPU kernel in float32, then torchvision's `_apply_grid_transform` fill: with a `fill`, a
 * channel of ones is sampled alongside as a mask; nearest puts `fill` where the mask is < 0.5,
 * bilinear blends `img * mask + (1 - mask) * fill` (as torchvision 0.14 does, even for fill 0).
 * Returns float values `[n, c, oh, ow]`.
 */
export function gridSample(batch: ImageBatch, grid: Float32Array, ow: number, oh: number, mode: 'nearest' | 'bilinear', fill: readonly number[] | null): Float32Array {
  const { data, n, c, h, w } = batch;
  const out = new Float32Array(n * c * oh * ow);
  const sx = f32(w / 2);
  const sy = f32(h / 2);
  const fills = fill === null ? null : Array.from({ length: c }, (_, k) => f32(fill.length === 1 ? fill[0]! : fill[k]!));
  const plane = oh * ow;
  for (let p = 0; p < plane; p++) {
    const ix = f32(f32(f32(grid[2 * p]! + 1) * sx) - 0.5);
    const iy = f32(f32(f32(grid[2 * p + 1]! + 1) * sy) - 0.5);
    if (mode === 'nearest') {
      const x = rint(ix);
      const y = rint(iy);
      const inside = x >= 0 && x < w && y >= 0 && y < h;
      for (let b = 0; b < n; b++) {
        for (let k = 0; k < c; k++) {
          const v = inside ? data[((b * c + k) * h + y) * w + x]! : 0;
          out[(b * c + k) * plane + p] = fills !== null && !inside ? fills[k]! : v;
        }
      }
      continue;
    }
    const x0 = Math.floor(ix);
    const y0 = Math.floor(iy);
    const we = f32(ix - x0);
    const ea = f32(1 - we);
    const ns = f32(iy - y0);
    const so = f32(1 - ns);
    const wnw = f32(so * ea);
    const wne = f32(so * we);
    const wsw = f32(ns * ea);
    const wse = f32(ns * we);
    const xIn0 = x0 >= 0 && x0 < w;
    const xIn1 = x0 + 1 >= 0 && x0 + 1 < w;
    const yIn0 = y0 >= 0 && y0 < h;
    const yIn1 = y0 + 1 >= 0 && y0 + 1 < h;
    const mask = f32(f32(f32(f32(xIn0 && yIn0 ? wnw : 0) + f32(xIn1 && yIn0 ? wne : 0)) + f32(xIn0 && yIn1 ? wsw : 0)) + f32(xIn1 && yIn1 ? wse : 0));
    for (let b = 0; b < n; b++) {
      for (let k = 0; k < c; k++) {
        const base = (b * c + k) * h * w;
        const vnw = xIn0 && yIn0 ? data[base + y0 * w + x0]! : 0;
        const vne = xIn1 && yIn0 ? data[base + y0 * w + x0 + 1]! : 0;
        const vsw = xIn0 && yIn1 ? data[base + (y0 + 1) * w + x0]! : 0;
        const vse = xIn1 && yIn1 ? data[base + (y0 + 1) * w + x0 + 1]! : 0;
        let v = f32(f32(f32(f32(vnw * wnw) + f32(vne * wne)) + f32(vsw * wsw)) + f32(vse * wse));
        if (fills !== null) v = f32(f32(v * mask) + f32(f32(1 - mask) * fills[k]!));
        out[(b * c + k) * plane + p] = v;
      }
    }
  }
  return out;
}
