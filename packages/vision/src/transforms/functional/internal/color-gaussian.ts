import { torchExpF32, torchSumF32 } from './color-torch-float';

const f32 = Math.fround;

/**
 * @internal torchvision's `_get_gaussian_kernel1d(kernel_size, sigma)` in float32: taps at the
 * integer offsets `-(k-1)/2 .. (k-1)/2`, `exp(-0.5 * (x / sigma)^2)`, normalised by their float32 sum,
 * with PyTorch's own `exp` and summation order so the taps are bit-identical to torchvision's.
 */
export function gaussianKernel1d(size: number, sigma: number): Float32Array {
  const half = (size - 1) / 2;
  const s = f32(sigma);
  const pdf = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const z = f32((i - half) / s);
    pdf[i] = torchExpF32(-0.5 * f32(z * z));
  }
  const sum = torchSumF32(pdf);
  for (let i = 0; i < size; i++) pdf[i] = f32(pdf[i]! / sum);
  return pdf;
}

/** @internal The 2-D kernel `ky[:, None] * kx[None, :]` (float32 products), `[ky.length, kx.length]` row-major. */
export function gaussianKernel2d(kx: Float32Array, ky: Float32Array): Float32Array {
  const out = new Float32Array(kx.length * ky.length);
  for (let i = 0; i < ky.length; i++) for (let j = 0; j < kx.length; j++) out[i * kx.length + j] = f32(ky[i]! * kx[j]!);
  return out;
}

/** Round half to even (torch.round). */
function roundEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Index into `0..n-1` after reflect padding (the edge not repeated), as torch's `pad(mode='reflect')`. */
function reflect(i: number, n: number): number {
  if (i < 0) return -i;
  if (i >= n) return 2 * (n - 1) - i;
  return i;
}

/**
 * @internal torchvision's `gaussian_blur` on a PIL image, computed on the bytes: reflect padding,
 * the 2-D kernel applied tap by tap in row-major order with a float32 accumulator (each step one
 * rounding, as PyTorch's FMA-based convolution gives), rounded half to even. Same result on every
 * backend.
 */
export function blurBytes(src: Uint8Array, width: number, height: number, channels: number, kernel: Float32Array, kx: number, ky: number): Uint8Array {
  const f32 = Math.fround;
  const out = new Uint8Array(src.length);
  const [px, py] = [(kx - 1) / 2, (ky - 1) / 2];
  // Reflected byte offsets of every padded column and row, so the tap loop only adds.
  const colOffset = Int32Array.from({ length: width + 2 * px }, (_, i) => reflect(i - px, width) * channels);
  const rowOffset = Int32Array.from({ length: height + 2 * py }, (_, i) => reflect(i - py, height) * width * channels);
  const clip = (v: number) => Math.min(255, Math.max(0, roundEven(v)));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Up to 4 channels, one float32 accumulator each (unused ones stay 0).
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let i = 0, t = 0; i < ky; i++) {
        const row = rowOffset[y + i]!;
        for (let j = 0; j < kx; j++, t++) {
          const o = row + colOffset[x + j]!;
          const w = kernel[t]!;
          a0 = f32(a0 + src[o]! * w);
          if (channels > 1) {
            a1 = f32(a1 + src[o + 1]! * w);
            a2 = f32(a2 + src[o + 2]! * w);
            if (channels > 3) a3 = f32(a3 + src[o + 3]! * w);
          }
        }
      }
      const base = (y * width + x) * channels;
      out[base] = clip(a0);
      if (channels > 1) {
        out[base + 1] = clip(a1);
        out[base + 2] = clip(a2);
        if (channels > 3) out[base + 3] = clip(a3);
      }
    }
  }
  return out;
}
