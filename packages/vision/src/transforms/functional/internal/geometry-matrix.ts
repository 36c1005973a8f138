import { ValueError } from '@dl/core';
import { gemm3 } from './geometry-grid-sample';

const DEG = Math.PI / 180;
const f32 = Math.fround;

/**
 * @internal torchvision's `_get_inverse_affine_matrix`: the output-to-input affine map
 * `[a, b, c, d, e, f]` of rotation by `angle` degrees (clockwise on screen), scale, shear
 * `[sx, sy]` degrees and translation, about `center`.
 */
export function inverseAffineMatrix(center: readonly [number, number], angle: number, translate: readonly [number, number], scale: number, shear: readonly [number, number]): number[] {
  const rot = angle * DEG;
  const sx = shear[0] * DEG;
  const sy = shear[1] * DEG;
  const [cx, cy] = center;
  const [tx, ty] = translate;
  const a = Math.cos(rot - sy) / Math.cos(sy);
  const b = (-Math.cos(rot - sy) * Math.tan(sx)) / Math.cos(sy) - Math.sin(rot);
  const c = Math.sin(rot - sy) / Math.cos(sy);
  const d = (-Math.sin(rot - sy) * Math.tan(sx)) / Math.cos(sy) + Math.cos(rot);
  const m = [d, -b, 0, -c, a, 0].map((v) => v / scale);
  m[2] = m[2]! + (m[0]! * (-cx - tx) + m[1]! * (-cy - ty));
  m[5] = m[5]! + (m[3]! * (-cx - tx) + m[4]! * (-cy - ty));
  m[2] = m[2]! + cx;
  m[5] = m[5]! + cy;
  return m;
}

/** Python's `round(x, 15)` (the double nearest the decimal rounded to 15 places). */
function round15(x: number): number {
  return Number(x.toFixed(15));
}

/**
 * @internal The matrix and output size of PIL's `Image.rotate(angle, expand, center)` outside its
 * transpose fast paths: rotation counter-clockwise by `angle` degrees about `center` (default the
 * image centre), the output grown to hold the whole rotated image when `expand`.
 */
export function pilRotateMatrix(w: number, h: number, angle: number, expand: boolean, center: readonly [number, number] | null): { matrix: number[]; width: number; height: number } {
  const [cx, cy] = center ?? [w / 2, h / 2];
  const rad = -(angle * DEG);
  const m = [round15(Math.cos(rad)), round15(Math.sin(rad)), 0, round15(-Math.sin(rad)), round15(Math.cos(rad)), 0];
  const apply = (x: number, y: number): [number, number] => [m[0]! * x + m[1]! * y + m[2]!, m[3]! * x + m[4]! * y + m[5]!];
  [m[2], m[5]] = apply(-cx, -cy);
  m[2] = m[2]! + cx;
  m[5] = m[5]! + cy;
  if (!expand) return { matrix: m, width: w, height: h };
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[0, 0], [w, 0], [w, h], [0, h]] as const) {
    const [px, py] = apply(x, y);
    xs.push(px);
    ys.push(py);
  }
  const nw = Math.ceil(Math.max(...xs)) - Math.floor(Math.min(...xs));
  const nh = Math.ceil(Math.max(...ys)) - Math.floor(Math.min(...ys));
  [m[2], m[5]] = apply(-(nw - w) / 2, -(nh - h) / 2);
  return { matrix: m, width: nw, height: nh };
}

/**
 * @internal torchvision's `_compute_affine_output_size` for tensors with `expand`: the corners
 * mapped by the float32 matrix, bounds truncated to 1e-4 before ceil/floor.
 */
export function tensorExpandedSize(matrix: readonly number[], w: number, h: number): [number, number] {
  const t = matrix.map(f32);
  const tol = f32(1e-4);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of [[-0.5 * w, -0.5 * h], [-0.5 * w, 0.5 * h], [0.5 * w, 0.5 * h], [0.5 * w, -0.5 * h]] as const) {
    const px = gemm3(x, y, t[0]!, t[1]!, t[2]!);
    const py = gemm3(x, y, t[3]!, t[4]!, t[5]!);
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
  }
  const bound = (v: number, half: number, up: boolean) => {
    const shifted = f32(v + f32(half));
    const truncated = f32(Math.trunc(f32(shifted / tol)) * tol);
    return up ? Math.ceil(truncated) : Math.floor(truncated);
  };
  return [bound(maxX, w * 0.5, true) - bound(minX, w * 0.5, false), bound(maxY, h * 0.5, true) - bound(minY, h * 0.5, false)];
}

/**
 * @internal torchvision's `_get_perspective_coeffs`: the 8 coefficients mapping output points to
 * input points, `x' = (a x + b y + c) / (g x + h y + 1)`, solved from the four point pairs
 * (torchvision solves in float32, so the result is rounded to float32).
 */
export function perspectiveCoefficients(startpoints: readonly (readonly number[])[], endpoints: readonly (readonly number[])[], op: string): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = endpoints[i] as [number, number];
    const [u, v] = startpoints[i] as [number, number];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8x9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    if (Math.abs(rows[pivot]![col]!) < 1e-12) {
      throw new ValueError(`${op}: the points do not define a perspective transform (three of them are collinear or repeated): startpoints ${JSON.stringify(startpoints)}, endpoints ${JSON.stringify(endpoints)}`);
    }
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const p = rows[col]!;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = rows[r]!;
      const f = row[col]! / p[col]!;
      if (f !== 0) for (let k = col; k < 9; k++) row[k] = row[k]! - f * p[k]!;
    }
  }
  return rows.map((r, i) => f32(r[8]! / r[i]!));
}
