// Separable resampling along one axis: output `o` is `sum_t w[t][o] * x[idx[t][o]]`. Nearest,
// linear and cubic interpolation differ only in their taps, computed here with PyTorch's index
// rules; the forward is one gather, the backward one ScatterNd (which adds repeated indices).
import { tf, type TfTensor } from '../../backend/tfjs';

/** @internal The taps of one axis: `taps` rows of `out` (index, weight) pairs, row-major. */
export interface AxisTaps {
  size: number;
  out: number;
  taps: number;
  index: Int32Array;
  /** Null for nearest modes (every weight is 1). */
  weight: Float32Array | null;
}

const f = Math.fround;

/**
 * @internal PyTorch's `area_pixel_compute_scale`: with `alignCorners` the corner pixels map to
 * each other; otherwise a given scale factor is used as `1 / scale` (not `in / out`).
 */
export function pixelScale(size: number, out: number, alignCorners: boolean, scaleFactor: number | null): number {
  if (alignCorners) return out > 1 ? f((size - 1) / (out - 1)) : 0;
  return scaleFactor !== null && scaleFactor > 0 ? f(1 / scaleFactor) : f(size / out);
}

/** @internal Nearest neighbour (`exact`: PyTorch's 'nearest-exact', pixel centers). */
export function nearestTaps(size: number, out: number, scaleFactor: number | null, exact: boolean): AxisTaps {
  const scale = scaleFactor !== null && scaleFactor > 0 ? f(1 / scaleFactor) : f(size / out);
  const index = new Int32Array(out);
  for (let o = 0; o < out; o++) {
    if (out === size) {
      index[o] = o;
      continue;
    }
    const src = exact ? Math.floor(f(f(o + 0.5) * scale)) : out === 2 * size ? o >> 1 : Math.floor(f(o * scale));
    index[o] = Math.min(src, size - 1);
  }
  return { size, out, taps: 1, index, weight: null };
}

/** @internal Linear interpolation between the two nearest input pixels. */
export function linearTaps(size: number, out: number, alignCorners: boolean, scaleFactor: number | null): AxisTaps {
  const scale = pixelScale(size, out, alignCorners, scaleFactor);
  const index = new Int32Array(2 * out);
  const weight = new Float32Array(2 * out);
  for (let o = 0; o < out; o++) {
    // PyTorch copies an axis whose size does not change, whatever the scale factor says.
    const src = out === size ? o : alignCorners ? f(scale * o) : Math.max(f(f(scale * f(o + 0.5)) - 0.5), 0);
    const i0 = Math.floor(src);
    const lambda = f(src - i0);
    index[o] = i0;
    index[out + o] = i0 < size - 1 ? i0 + 1 : i0;
    weight[o] = f(1 - lambda);
    weight[out + o] = lambda;
  }
  return { size, out, taps: 2, index, weight };
}

/** @internal Cubic convolution (A = -0.75, PyTorch's) over four pixels, clamped at the borders. */
export function cubicTaps(size: number, out: number, alignCorners: boolean, scaleFactor: number | null): AxisTaps {
  const scale = pixelScale(size, out, alignCorners, scaleFactor);
  const a = -0.75;
  const near = (t: number) => ((a + 2) * t - (a + 3)) * t * t + 1;
  const far = (t: number) => ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  const index = new Int32Array(4 * out);
  const weight = new Float32Array(4 * out);
  for (let o = 0; o < out; o++) {
    const src = alignCorners ? f(scale * o) : f(f(scale * f(o + 0.5)) - 0.5);
    const i = Math.floor(src);
    const t = f(src - i);
    const w = [far(t + 1), near(t), near(1 - t), far(2 - t)];
    for (let k = 0; k < 4; k++) {
      index[k * out + o] = Math.min(Math.max(i - 1 + k, 0), size - 1);
      weight[k * out + o] = w[k];
    }
  }
  return { size, out, taps: 4, index, weight };
}

/** @internal Resamples `planes [B, H, W]` along `axis` (1 or 2). */
export function resampleAxis(x: TfTensor, axis: 1 | 2, ax: AxisTaps): TfTensor {
  return tf.tidy(() => {
    const [b, h, w] = x.shape as [number, number, number];
    const picked = tf.gather(x, tf.tensor1d(ax.index, 'int32'), axis);
    if (!ax.weight) return picked;
    if (axis === 1) {
      const taps = tf.reshape(picked, [b, ax.taps, ax.out, w]);
      return tf.sum(tf.mul(taps, tf.tensor3d(ax.weight, [ax.taps, ax.out, 1])), 1);
    }
    const taps = tf.reshape(picked, [b, h, ax.taps, ax.out]);
    return tf.sum(tf.mul(taps, tf.tensor2d(ax.weight, [ax.taps, ax.out])), 2);
  });
}

/** @internal The adjoint of `resampleAxis`: spreads `g` back onto `ax.size` positions along `axis`. */
export function resampleAxisBackward(g: TfTensor, axis: 1 | 2, ax: AxisTaps): TfTensor {
  return tf.tidy(() => {
    const [b, h, w] = g.shape as [number, number, number];
    const n = ax.taps * ax.out;
    const indices = tf.tensor2d(ax.index, [n, 1], 'int32');
    if (axis === 1) {
      let spread = ax.weight ? tf.mul(tf.reshape(g, [b, 1, ax.out, w]), tf.tensor3d(ax.weight, [ax.taps, ax.out, 1])) : g;
      spread = tf.transpose(tf.reshape(spread, [b, n, w]), [1, 0, 2]);
      return tf.transpose(tf.scatterND(indices, spread, [ax.size, b, w]), [1, 0, 2]);
    }
    let spread = ax.weight ? tf.mul(tf.reshape(g, [b, h, 1, ax.out]), tf.tensor2d(ax.weight, [ax.taps, ax.out])) : g;
    spread = tf.transpose(tf.reshape(spread, [b, h, n]), [2, 0, 1]);
    return tf.transpose(tf.scatterND(indices, spread, [ax.size, b, h]), [1, 2, 0]);
  });
}
