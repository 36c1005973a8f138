const f32 = Math.fround;

/**
 * @internal torchvision's `_get_gaussian_kernel1d(kernel_size, sigma)` in float32: taps at the
 * integer offsets `-(k-1)/2 .. (k-1)/2`, `exp(-0.5 * (x / sigma)^2)`, normalised by their float32 sum.
 */
export function gaussianKernel1d(size: number, sigma: number): Float32Array {
  const half = (size - 1) / 2;
  const s = f32(sigma);
  const pdf = new Float32Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const z = f32((i - half) / s);
    pdf[i] = f32(Math.exp(f32(-0.5 * f32(z * z))));
    sum = f32(sum + pdf[i]!);
  }
  for (let i = 0; i < size; i++) pdf[i] = f32(pdf[i]! / sum);
  return pdf;
}

/** @internal The 2-D kernel `ky[:, None] * kx[None, :]` (float32 products), `[ky.length, kx.length]` row-major. */
export function gaussianKernel2d(kx: Float32Array, ky: Float32Array): Float32Array {
  const out = new Float32Array(kx.length * ky.length);
  for (let i = 0; i < ky.length; i++) for (let j = 0; j < kx.length; j++) out[i * kx.length + j] = f32(ky[i]! * kx[j]!);
  return out;
}
