import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { adaptiveAvgPool1d, adaptiveAvgPool2d } from './adaptive-avg-pool';
import { fmtShape } from './conv-geometry';
import { emptyResult } from './empty-result';
import { cubicTaps, linearTaps, nearestTaps, resampleAxis, resampleAxisBackward, type AxisTaps } from './resample-axis';
import { assertTensor } from '../arg-checks';

/** Interpolation modes of `interpolate` (PyTorch's names). */
export type InterpolateMode = 'nearest' | 'nearest-exact' | 'linear' | 'bilinear' | 'bicubic' | 'area';

/** Options of `interpolate` (PyTorch's keyword arguments); give exactly one of `size` and `scaleFactor`. */
export interface InterpolateOptions {
  /** Output spatial size: one number for every spatial dimension, or one per dimension. */
  size?: number | readonly number[] | null;
  /** Multiplier of the spatial size (the output is `floor(input * scaleFactor)`). */
  scaleFactor?: number | readonly number[] | null;
  /** How output pixels are computed. @default 'nearest' */
  mode?: InterpolateMode;
  /**
   * For `linear`, `bilinear` and `bicubic`: align the corner pixels' centers (PyTorch's
   * `align_corners`) instead of their outer edges. @default false
   */
  alignCorners?: boolean | null;
  /** Compute the output size from `scaleFactor`, then interpolate as if `size` had been given. @default false */
  recomputeScaleFactor?: boolean | null;
}

const SPATIAL: Record<InterpolateMode, number[]> = {
  nearest: [1, 2],
  'nearest-exact': [1, 2],
  area: [1, 2],
  linear: [1],
  bilinear: [2],
  bicubic: [2],
};

function perDim(value: number | readonly number[], dims: number, name: string): number[] {
  const out = typeof value === 'number' ? new Array<number>(dims).fill(value) : Array.from(value);
  if (out.length !== dims) {
    throw new ValueError(`interpolate: ${name} shape must match input spatial dimensions: expected ${dims} values, got ${JSON.stringify(value)}`);
  }
  return out;
}

/**
 * Resizes a batch of signals or images (PyTorch's `F.interpolate`): `[N, C, L]` with modes
 * `nearest`, `nearest-exact`, `linear`, `area`; `[N, C, H, W]` with `nearest`, `nearest-exact`,
 * `bilinear`, `bicubic`, `area`. Index rules are PyTorch's (half-pixel centers unless
 * `alignCorners`, a given scale factor used as `1 / scaleFactor`, cubic A = -0.75, borders
 * clamped), so outputs match it. Differentiable.
 *
 * @param options `size` or `scaleFactor`, `mode` (default 'nearest'), `alignCorners` (default false), `recomputeScaleFactor` (default false).
 * @example
 * ```ts
 * const x = dl.randn([1, 3, 16, 16]);
 * dl.interpolate(x, { scaleFactor: 2, mode: 'bilinear' }).shape; // [1, 3, 32, 32]
 * dl.interpolate(x, { size: [10, 12] }).shape; // [1, 3, 10, 12]
 * ```
 */
export function interpolate(input: Tensor, options: InterpolateOptions): Tensor {
  assertTensor(input, 'interpolate');
  const mode = options.mode ?? 'nearest';
  const allowed = SPATIAL[mode];
  if (!allowed) throw new ValueError(`interpolate: unknown mode '${mode}' (expected one of ${Object.keys(SPATIAL).join(', ')})`);
  const dims = input.dim() - 2;
  if (dims < 1 || dims > 3) {
    throw new ShapeError(`interpolate: expected a 3D [N, C, L] or 4D [N, C, H, W] input, but got input of size ${fmtShape(input.shape)}`);
  }
  if (dims === 3) throw new ShapeError(`interpolate: 5D (volumetric) inputs are not supported (got input of size ${fmtShape(input.shape)})`);
  if (!allowed.includes(dims)) {
    const need = allowed.map((d) => `${d + 2}D`).join(' or ');
    throw new ShapeError(`interpolate: got ${dims + 2}D input of size ${fmtShape(input.shape)}, but ${mode} mode needs ${need} input`);
  }
  if (input.dtype !== 'float32') throw new DTypeError(`interpolate: expected input of dtype float32, but got ${input.dtype}`);
  const interpolating = mode === 'linear' || mode === 'bilinear' || mode === 'bicubic';
  if (options.alignCorners != null && !interpolating) {
    throw new ValueError('interpolate: alignCorners can only be set with the interpolating modes: linear | bilinear | bicubic');
  }
  const alignCorners = options.alignCorners ?? false;
  const hasSize = options.size != null;
  const hasScale = options.scaleFactor != null;
  if (hasSize === hasScale) {
    throw new ValueError(hasSize ? 'interpolate: only one of size or scaleFactor should be defined' : 'interpolate: either size or scaleFactor should be defined');
  }
  const spatial = input.shape.slice(2);
  let scales: (number | null)[] = spatial.map(() => null);
  let out: number[];
  if (hasSize) {
    out = perDim(options.size!, dims, 'size');
  } else {
    const factors = perDim(options.scaleFactor!, dims, 'scaleFactor');
    if (factors.some((s) => !(s > 0) || !Number.isFinite(s))) throw new ValueError(`interpolate: scaleFactor must be positive (got ${JSON.stringify(options.scaleFactor)})`);
    out = spatial.map((s, i) => Math.floor(s * factors[i]));
    if (!options.recomputeScaleFactor) scales = factors;
  }
  if (out.some((o) => !Number.isInteger(o) || o < 1)) {
    throw new ValueError(`interpolate: the output size must be positive integers (got ${fmtShape(out)} for input of size ${fmtShape(input.shape)})`);
  }
  if (input.numel() === 0) return emptyResult(`Upsample${dims}d`, [input], [...input.shape.slice(0, 2), ...out], null, 1);
  if (mode === 'area') return dims === 2 ? adaptiveAvgPool2d(input, out) : adaptiveAvgPool1d(input, out[0]);

  const taps = (size: number, o: number, scale: number | null): AxisTaps => {
    if (mode === 'nearest' || mode === 'nearest-exact') return nearestTaps(size, o, scale, mode === 'nearest-exact');
    if (mode === 'bicubic') return cubicTaps(size, o, alignCorners, scale);
    return linearTaps(size, o, alignCorners, scale);
  };
  const axes = spatial.map((s, i) => taps(s, out[i], scales[i]));
  const [n, c] = input.shape;
  const h = dims === 2 ? spatial[0] : 1;
  const w = spatial[dims - 1];
  const ax = axes[dims - 1];
  const ay = dims === 2 ? axes[0] : null;
  const name = `Upsample${mode === 'nearest-exact' ? 'NearestExact' : mode[0].toUpperCase() + mode.slice(1)}${dims}d`;
  return runOp({
    name,
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        let t = tf.reshape(input._value, [n * c, h, w]);
        if (ay) t = resampleAxis(t, 1, ay);
        t = resampleAxis(t, 2, ax);
        return tf.reshape(t, [n, c, ...out]);
      }),
    backward: (dy) => {
      let g = tf.reshape(dy, [n * c, ay ? ay.out : 1, ax.out]);
      g = resampleAxisBackward(g, 2, ax);
      if (ay) g = resampleAxisBackward(g, 1, ay);
      return [tf.reshape(g, input.shape)];
    },
  });
}
