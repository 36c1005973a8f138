/** @internal The separable resampling filters of PIL's `Image.resize` (Pillow's `Resample.c`). */
export type ResampleFilter = 'box' | 'bilinear' | 'hamming' | 'bicubic' | 'lanczos';

/** @internal A filter kernel and its support (half-width, in input pixels at scale 1). */
export interface FilterKernel {
  readonly weight: (x: number) => number;
  readonly support: number;
}

// Pillow writes these as C float literals (0.54f, 0.46f), promoted to double in the formula.
const HAMMING_A = Math.fround(0.54);
const HAMMING_B = Math.fround(0.46);

function box(x: number): number {
  return x > -0.5 && x <= 0.5 ? 1 : 0;
}

/** @internal The triangle filter (PIL's and PyTorch's antialiased bilinear). */
export function triangle(x: number): number {
  const a = x < 0 ? -x : x;
  return a < 1 ? 1 - a : 0;
}

function hamming(x: number): number {
  let a = x < 0 ? -x : x;
  if (a === 0) return 1;
  if (a >= 1) return 0;
  a *= Math.PI;
  return (Math.sin(a) / a) * (HAMMING_A + HAMMING_B * Math.cos(a));
}

/** @internal Keys' cubic convolution with a = -0.5 (PIL's bicubic, PyTorch's antialiased bicubic). */
export function cubic(x: number): number {
  const A = -0.5;
  const a = x < 0 ? -x : x;
  if (a < 1) return ((A + 2) * a - (A + 3)) * a * a + 1;
  if (a < 2) return (((a - 5) * a + 8) * a - 4) * A;
  return 0;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const a = x * Math.PI;
  return Math.sin(a) / a;
}

function lanczos(x: number): number {
  return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}

/** @internal The kernels by name, with Pillow's supports. */
export const RESAMPLE_FILTERS: Readonly<Record<ResampleFilter, FilterKernel>> = {
  box: { weight: box, support: 0.5 },
  bilinear: { weight: triangle, support: 1 },
  hamming: { weight: hamming, support: 1 },
  bicubic: { weight: cubic, support: 2 },
  lanczos: { weight: lanczos, support: 3 },
};
