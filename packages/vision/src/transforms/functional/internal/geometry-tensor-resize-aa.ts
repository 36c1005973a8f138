import { cubic, triangle } from './geometry-resample-filters';
import type { ImageBatch } from './geometry-tensor';

const f32 = Math.fround;

interface AxisTaps {
  readonly ksize: number;
  readonly bounds: Int32Array;
  readonly weights: Float32Array;
}

/**
 * PyTorch's `_compute_indices_weights_aa` (float32): the PIL-style filter stretched by the
 * downscale factor, centres at `scale * (i + 0.5)`, weights normalized per output pixel.
 */
function axisTaps(inSize: number, outSize: number, mode: 'bilinear' | 'bicubic'): AxisTaps {
  const interpSize = mode === 'bilinear' ? 2 : 4;
  const filter = mode === 'bilinear' ? triangle : cubic;
  const scale = f32(inSize / outSize);
  const support = scale >= 1 ? f32(interpSize * 0.5 * scale) : interpSize * 0.5;
  const invScale = scale >= 1 ? f32(1 / scale) : 1;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Float32Array(outSize * ksize);
  for (let i = 0; i < outSize; i++) {
    const center = f32(scale * (i + 0.5));
    const xmin = Math.max(Math.trunc(f32(center - support) + 0.5), 0);
    const xsize = Math.min(Math.trunc(f32(center + support) + 0.5), inSize) - xmin;
    let total = 0;
    for (let j = 0; j < xsize; j++) {
      const w = f32(filter(f32((f32(j + xmin - center) + 0.5) * invScale)));
      weights[i * ksize + j] = w;
      total = f32(total + w);
    }
    if (total !== 0) for (let j = 0; j < xsize; j++) weights[i * ksize + j] = f32(weights[i * ksize + j]! / total);
    bounds[2 * i] = xmin;
    bounds[2 * i + 1] = xsize;
  }
  return { ksize, bounds, weights };
}

/**
 * @internal `F.interpolate(x, size, mode, align_corners=False, antialias=True)` of PyTorch 1.13
 * (torchvision's tensor resize with `antialias`): separable, width first, then height.
 * Returns float values `[n, c, oh, ow]`.
 */
export function resizeAntialiased(batch: ImageBatch, oh: number, ow: number, mode: 'bilinear' | 'bicubic'): Float32Array {
  const { data, h, w } = batch;
  const planes = batch.n * batch.c;
  const tx = axisTaps(w, ow, mode);
  const ty = axisTaps(h, oh, mode);
  const tmp = new Float32Array(planes * h * ow);
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < h; y++) {
      const row = (p * h + y) * w;
      const o = (p * h + y) * ow;
      for (let x = 0; x < ow; x++) {
        const first = row + tx.bounds[2 * x]!;
        const count = tx.bounds[2 * x + 1]!;
        const kb = x * tx.ksize;
        let s = 0;
        for (let k = 0; k < count; k++) s += data[first + k]! * tx.weights[kb + k]!;
        tmp[o + x] = s;
      }
    }
  }
  const out = new Float32Array(planes * oh * ow);
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < oh; y++) {
      const first = ty.bounds[2 * y]!;
      const count = ty.bounds[2 * y + 1]!;
      const kb = y * ty.ksize;
      const o = (p * oh + y) * ow;
      for (let x = 0; x < ow; x++) {
        let s = 0;
        for (let k = 0; k < count; k++) s += tmp[(p * h + first + k) * ow + x]! * ty.weights[kb + k]!;
        out[o + x] = s;
      }
    }
  }
  return out;
}
