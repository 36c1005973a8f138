import { stridesOf } from './kernel-context';

/** @internal A strided iteration plan: a shape and, per operand, strides in elements (0 = broadcast). */
export interface StridedPlan {
  shape: Int32Array;
  strides: Int32Array[];
}

/**
 * @internal The plan for reading each operand (`shapes`) over `outShape` with numpy-style
 * broadcasting: size-1 dimensions dropped, neighbours that are contiguous for every operand
 * merged, so most calls end up 1-D or 2-D. Null past 8 dimensions.
 */
export function broadcastPlan(outShape: readonly number[], shapes: readonly (readonly number[])[]): StridedPlan | null {
  const rank = outShape.length;
  const per = shapes.map((s) => {
    const st = stridesOf(s);
    const out = new Array<number>(rank).fill(0);
    for (let i = 0; i < s.length; i++) {
      const d = rank - s.length + i;
      out[d] = s[i] === 1 ? 0 : st[i];
    }
    return out;
  });
  return mergeDims(outShape, per);
}

/** @internal Drops size-1 dimensions and merges neighbours contiguous for every operand. */
export function mergeDims(shape: readonly number[], strides: number[][]): StridedPlan | null {
  const dims: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && strides.every((s, j) => st[j][last] === s[d] * shape[d])) {
      dims[last] *= shape[d];
      strides.forEach((s, j) => {
        st[j][last] = s[d];
      });
    } else {
      dims.push(shape[d]);
      for (let j = 0; j < strides.length; j++) st[j].push(strides[j][d]);
    }
  }
  if (dims.length === 0) {
    dims.push(1);
    for (const s of st) s.push(1);
  }
  if (dims.length > 8) return null;
  return { shape: Int32Array.from(dims), strides: st.map((s) => Int32Array.from(s)) };
}
