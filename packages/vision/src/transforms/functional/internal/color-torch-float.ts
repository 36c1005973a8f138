// Bit-exact float32 building blocks of PyTorch 1.13's CPU kernels (x86-64 with AVX2 + FMA, the
// build torchvision's reference outputs come from), for the few places where torchvision's
// result depends on them: the Gaussian kernel of `gaussian_blur`.

const f32 = Math.fround;

/** float32 fused multiply-add `x * y + z` (the float32 product is exact in double; one rounding after the add, as FMA has). */
function fma32(x: number, y: number, z: number): number {
  return f32(x * y + z);
}

/** Round half to even to an integer (the SIMD `cvtps` rounding Sleef's `vrint` uses). */
function rintEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// Sleef's float32 constants (1/ln 2, ln 2 split in two, the polynomial), written as their exact float32 values.
const R_LN2 = f32(Math.LOG2E);
const L2U = 0.693145751953125;
const L2L = 0.000001428606765330187;
const EXP_POLY = [0.00019852761761285365, 0.0013930435525253415, 0.008333360776305199, 0.041666485369205475, 0.1666666716337204];

/**
 * @internal `torch.exp` on float32 CPU tensors: Sleef's `expf` (1-ULP variant, FMA), which
 * PyTorch's vectorized kernels call for every element. Differs from a correctly rounded exp in
 * the last bit for about 1 value in 10.
 */
export function torchExpF32(d: number): number {
  const x = f32(d);
  if (x < -104) return 0;
  if (x > 100) return Number.POSITIVE_INFINITY;
  const q = rintEven(f32(x * R_LN2));
  let s = fma32(q, -L2U, x);
  s = fma32(q, -L2L, s);
  let u = EXP_POLY[0]!;
  for (let i = 1; i < EXP_POLY.length; i++) u = fma32(u, s, EXP_POLY[i]!);
  u = fma32(u, s, 0.5);
  u = f32(1 + fma32(f32(s * s), u, s));
  // ldexp in two halves, as Sleef's vldexp2 does.
  const h = q >> 1;
  return f32(f32(u * 2 ** h) * 2 ** (q - h));
}

/** PyTorch's cascade sum of `nrows` interleaved rows (SumKernel.cpp `multi_row_sum`), each element a lane vector. */
function multiRowSum(load: (i: number, k: number) => Float32Array, nrows: number, size: number, lanes: number): Float32Array[] {
  const levels = 4;
  const levelPower = Math.max(4, Math.floor(Math.ceil(Math.log2(Math.max(size, 1))) / levels));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc = Array.from({ length: levels }, () => Array.from({ length: nrows }, () => new Float32Array(lanes)));
  const addInto = (dst: Float32Array, src: Float32Array) => {
    for (let l = 0; l < lanes; l++) dst[l] = f32(dst[l]! + src[l]!);
  };
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) for (let k = 0; k < nrows; k++) addInto(acc[0]![k]!, load(i, k));
    for (let j = 1; j < levels; j++) {
      for (let k = 0; k < nrows; k++) {
        addInto(acc[j]![k]!, acc[j - 1]![k]!);
        acc[j - 1]![k]!.fill(0);
      }
      if ((i & (levelMask << (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) for (let k = 0; k < nrows; k++) addInto(acc[0]![k]!, load(i, k));
  for (let j = 1; j < levels; j++) for (let k = 0; k < nrows; k++) addInto(acc[0]![k]!, acc[j]![k]!);
  return acc[0]!;
}

/** SumKernel.cpp `row_sum`: four interleaved partial sums, the tail into the first, then folded. */
function rowSum(load: (i: number) => Float32Array, size: number, lanes: number): Float32Array {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const partial = multiRowSum((i, k) => load(i * ilp + k), ilp, sizeIlp, lanes);
  const p0 = partial[0]!;
  for (let i = sizeIlp * ilp; i < size; i++) {
    const v = load(i);
    for (let l = 0; l < lanes; l++) p0[l] = f32(p0[l]! + v[l]!);
  }
  for (let k = 1; k < ilp; k++) for (let l = 0; l < lanes; l++) p0[l] = f32(p0[l]! + partial[k]![l]!);
  return p0;
}

/**
 * @internal `torch.sum` of a contiguous float32 vector on the CPU: vectors of 8 lanes (AVX2)
 * summed in PyTorch's cascade order, then the scalar tail, then the lanes.
 */
export function torchSumF32(values: Float32Array): number {
  const lanes = 8;
  const n = values.length;
  if (n < lanes) {
    const one = new Float32Array(1);
    return rowSum((i) => {
      one[0] = values[i]!;
      return one;
    }, n, 1)[0]!;
  }
  const vecSize = Math.floor(n / lanes);
  const acc = rowSum((i) => values.subarray(i * lanes, i * lanes + lanes), vecSize, lanes);
  let total = 0;
  for (let k = vecSize * lanes; k < n; k++) total = f32(total + values[k]!);
  for (let l = 0; l < lanes; l++) total = f32(total + acc[l]!);
  return total;
}
