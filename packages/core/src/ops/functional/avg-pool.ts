import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { expandInts, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { checkOutput, fromPlanes, outShapeOf, poolPlan, toPlanes, type PoolPlan } from './pool-plan';
import { gatherWindows, scatterWindows, slidingAxis, unitAxis, type AxisWindows } from './pool-windows';
import { assertTensor } from '../arg-checks';

/** Options of `avgPool1d` (PyTorch's keyword arguments). */
export interface AvgPool1dOptions {
  /** Step of the window; `null` or omitted means the kernel size. @default kernelSize */
  stride?: IntOrTuple | null;
  /** Implicit zero padding on both sides (at most half the kernel). @default 0 */
  padding?: IntOrTuple;
  /** Use `ceil` instead of `floor` for the output size. @default false */
  ceilMode?: boolean;
  /** Count the zero padding in the divisor. @default true */
  countIncludePad?: boolean;
}

/** Options of `avgPool2d` (PyTorch's keyword arguments). */
export interface AvgPool2dOptions extends AvgPool1dOptions {
  /** Divide every window's sum by this instead of its size. @default null */
  divisorOverride?: number | null;
}

/**
 * @internal The sum over each window of `input` divided by `divisor[oh * OW + ow]`.
 */
export function averageOverWindows(name: string, input: Tensor, plan: PoolPlan, ah: AxisWindows, aw: AxisWindows, divisor: Float32Array): Tensor {
  checkOutput(plan, input, ah, aw);
  if (plan.planes === 0) return emptyResult(name, [input], outShapeOf(plan, ah, aw), null, 0);
  if (hasOptionalKernel(OPTIONAL_KERNELS.avgPool2d)) {
    // A backend with an averaging kernel over window tables (@dl/backend-native's DlAvgPool2dNCHW).
    const attrs = { rows: ah.coords, cols: aw.coords, kh: ah.k, kw: aw.k, divisors: divisor };
    const planeShape = [plan.planes, plan.h, plan.w];
    return runOp({
      name,
      inputs: [input],
      forward: () => tf.tidy(() => fromPlanes(runOptionalKernel(OPTIONAL_KERNELS.avgPool2d, { x: toPlanes(input._value, plan) }, attrs)[0], plan)),
      backward: (dy) => {
        const g = tf.reshape(dy, [plan.planes, ah.out, aw.out]);
        return [tf.reshape(runOptionalKernel(OPTIONAL_KERNELS.avgPool2dGrad, { dy: g }, { ...attrs, inputShape: planeShape })[0], input.shape)];
      },
    });
  }
  const inv = Float32Array.from(divisor, (d) => 1 / d);
  const scale = () => tf.tensor3d(inv, [ah.out, aw.out, 1]);
  return runOp({
    name,
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        const win = gatherWindows(toPlanes(input._value, plan), ah, aw, 0);
        return fromPlanes(tf.squeeze(tf.mul(tf.sum(win, 3, true), scale()), [3]), plan);
      }),
    backward: (dy) => {
      const perTap = tf.broadcastTo(tf.mul(tf.reshape(dy, [plan.planes, ah.out, aw.out, 1]), scale()), [plan.planes, ah.out, aw.out, ah.k * aw.k]);
      return [tf.reshape(scatterWindows(perTap, ah, aw), input.shape)];
    },
  });
}

/**
 * PyTorch's divisor per window along one axis: the window clipped to the padded input (with
 * padding) or to the input (without), so 2-D divisors are products of two of these.
 */
function axisCounts(ax: AxisWindows, kernel: number, stride: number, pad: number, includePad: boolean): number[] {
  const counts: number[] = [];
  for (let o = 0; o < ax.out; o++) {
    const start = o * stride - pad;
    const end = Math.min(start + kernel, ax.size + pad);
    counts.push(includePad ? end - start : Math.min(end, ax.size) - Math.max(start, 0));
  }
  return counts;
}

function avgPool(op: string, name: string, dims: 1 | 2, input: Tensor, kernelSize: IntOrTuple, options: AvgPool2dOptions): Tensor {
  const plan = poolPlan(input, dims, op);
  const kernel = expandInts(kernelSize, dims, 'kernelSize', op, 1);
  const stride = options.stride == null || (Array.isArray(options.stride) && options.stride.length === 0) ? kernel : expandInts(options.stride, dims, 'stride', op, 1);
  const padding = expandInts(options.padding ?? 0, dims, 'padding', op, 0);
  for (let i = 0; i < dims; i++) {
    if (padding[i] > Math.floor(kernel[i] / 2)) {
      throw new ValueError(`${op}: pad should be at most half of kernel size, but got pad=${padding[i]} and kernel_size=${kernel[i]}`);
    }
  }
  const override = options.divisorOverride ?? null;
  if (override !== null && (!Number.isFinite(override) || override === 0)) {
    throw new ValueError(`${op}: divisorOverride must be a non-zero number (got ${override})`);
  }
  const ceil = options.ceilMode ?? false;
  const includePad = options.countIncludePad ?? true;
  const sizes = dims === 2 ? [plan.h, plan.w] : [plan.w];
  const axes = kernel.map((k, i) => slidingAxis(sizes[i], k, stride[i], padding[i], 1, ceil));
  const ah = dims === 2 ? axes[0] : unitAxis();
  const aw = axes[dims - 1];
  checkOutput(plan, input, ah, aw);
  const ch = dims === 2 ? axisCounts(ah, kernel[0], stride[0], padding[0], includePad) : [1];
  const cw = axisCounts(aw, kernel[dims - 1], stride[dims - 1], padding[dims - 1], includePad);
  const divisor = new Float32Array(ah.out * aw.out);
  for (let i = 0; i < ah.out; i++) for (let j = 0; j < aw.out; j++) divisor[i * aw.out + j] = override ?? ch[i] * cw[j];
  return averageOverWindows(name, input, plan, ah, aw, divisor);
}

/**
 * 2-D average pooling over an NCHW input (PyTorch's `F.avg_pool2d`), `[N, C, H, W]` or `[C, H, W]`.
 *
 * @param kernelSize window size, one number or `[kH, kW]`.
 * @param options `stride` (default kernelSize), `padding` (default 0), `ceilMode` (default false), `countIncludePad` (default true), `divisorOverride` (default null).
 * @example
 * ```ts
 * dl.avgPool2d(dl.randn([1, 3, 7, 7]), 3, { stride: 2, padding: 1 }).shape; // [1, 3, 4, 4]
 * ```
 */
export function avgPool2d(input: Tensor, kernelSize: IntOrTuple, options: AvgPool2dOptions = {}): Tensor {
  assertTensor(input, 'avgPool2d');
  return avgPool('avgPool2d', 'AvgPool2d', 2, input, kernelSize, options);
}

/**
 * 1-D average pooling over an NCL input (PyTorch's `F.avg_pool1d`), `[N, C, L]` or `[C, L]`.
 *
 * @param kernelSize window length.
 * @param options `stride` (default kernelSize), `padding` (default 0), `ceilMode` (default false), `countIncludePad` (default true).
 * @example
 * ```ts
 * dl.avgPool1d(dl.randn([2, 4, 10]), 2).shape; // [2, 4, 5]
 * ```
 */
export function avgPool1d(input: Tensor, kernelSize: IntOrTuple, options: AvgPool1dOptions = {}): Tensor {
  assertTensor(input, 'avgPool1d');
  return avgPool('avgPool1d', 'AvgPool1d', 1, input, kernelSize, options);
}
