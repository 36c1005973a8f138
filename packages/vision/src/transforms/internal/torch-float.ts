// PyTorch's float32 arithmetic where its CPU kernels (compiled for AVX2 here) fuse multiply-adds.

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** The float32 next to `r` (a float32) in the direction of `dir`. */
function nextFloat32(r: number, dir: number): number {
  if (r === 0) {
    U32[0] = 1;
    return dir > 0 ? F32[0]! : -F32[0]!;
  }
  F32[0] = r;
  U32[0] = U32[0]! + (r > 0 === dir > 0 ? 1 : -1);
  return F32[0]!;
}

/**
 * @internal `fmaf(a, b, c)`: `a * b + c` rounded once to float32 (`a`, `b`, `c` float32 values, or
 * `a` a small integer). The product is exact in a double; the sum's rounding error is tracked so
 * a double that lands on a float32 tie is resolved by the exact value.
 */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  const r = Math.fround(s);
  if (err !== 0 && r !== s) {
    const other = nextFloat32(r, s - r);
    if (s === (r + other) / 2) return err > 0 === other > r ? other : r;
  }
  return r;
}

/**
 * @internal `torch.linspace(start, end, steps)` (float32) as PyTorch 1.13's CPU kernel computes it:
 * `step = (end - start) / (steps - 1)` in float32; the first half counted up from `start`, the
 * second down from `end` with fused multiply-adds; leading groups of 16 filled 8 at a time from a
 * fused base plus `i * step` (AVX2 `Vectorized::arange`). Checked against torch on 14 ranges.
 */
export function torchLinspace(start: number, end: number, steps: number): number[] {
  if (steps <= 0) return [];
  const s = Math.fround(start);
  if (steps === 1) return [s];
  const e = Math.fround(end);
  const step = Math.fround(Math.fround(e - s) / (steps - 1));
  const half = Math.floor(steps / 2);
  const out = new Array<number>(steps);
  const vectorized = Math.floor(steps / 16) * 16;
  for (let c = 0; c < vectorized; c += 8) {
    const base = c < half ? fmaF32(step, c, s) : fmaF32(-step, steps - c - 1, e);
    for (let i = 0; i < 8; i++) out[c + i] = i === 0 ? base : Math.fround(base + Math.fround(i * step));
  }
  for (let i = vectorized; i < steps; i++) out[i] = i < half ? fmaF32(step, i, s) : fmaF32(-step, steps - i - 1, e);
  return out;
}
