import { tf, type TfTensor } from '../../backend/tfjs';
import { needsGrad, runOp } from '../../autograd/run-op';
import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { expandInts, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { checkOutput, fromPlanes, outShapeOf, poolPlan, toPlanes, type PoolPlan } from './pool-plan';
import { gatherWindows, scatterWindows, slidingAxis, tapTable, unitAxis, type AxisWindows } from './pool-windows';
import { assertTensor } from '../arg-checks';

/** Options of `maxPool1d` and `maxPool2d` (PyTorch's keyword arguments). */
export interface MaxPoolOptions {
  /** Step of the window; `null` or omitted means the kernel size. @default kernelSize */
  stride?: IntOrTuple | null;
  /** Implicit `-Infinity` padding on both sides (at most half the dilated kernel). @default 0 */
  padding?: IntOrTuple;
  /** Spacing between the window's taps. @default 1 */
  dilation?: IntOrTuple;
  /** Use `ceil` instead of `floor` for the output size (windows may hang over the end). @default false */
  ceilMode?: boolean;
  /** Also return the argmax of each window (flat `h * W + w` index within its input plane). @default false */
  returnIndices?: boolean;
}

/**
 * @internal The maximum over each window of `input`, with PyTorch's tie rule (the first maximum
 * in row-major order wins the gradient) and its flat per-plane indices.
 */
export function maxOverWindows(name: string, input: Tensor, plan: PoolPlan, ah: AxisWindows, aw: AxisWindows, returnIndices: boolean): Tensor | [Tensor, Tensor] {
  checkOutput(plan, input, ah, aw);
  if (plan.planes === 0) {
    const empty = emptyResult(name, [input], outShapeOf(plan, ah, aw), null, 0);
    return returnIndices ? [empty, new Tensor(tf.zeros(empty.shape, 'int32'))] : empty;
  }
  if (hasOptionalKernel(OPTIONAL_KERNELS.maxPool2d)) return maxOverWindowsFused(name, input, plan, ah, aw, returnIndices);
  const k = ah.k * aw.k;
  // Inference skips the argmax unless the indices are asked for.
  const wantArg = returnIndices || needsGrad([input]);
  let indices: TfTensor | null = null;
  const y = runOp({
    name,
    inputs: [input],
    forward: () => {
      const [out, arg] = tf.tidy(() => {
        const win = gatherWindows(toPlanes(input._value, plan), ah, aw, -Infinity);
        // argMax keeps the first maximum: PyTorch's tie rule for the gradient and the indices.
        return [fromPlanes(tf.max(win, 3), plan), ...(wantArg ? [tf.argMax(win, 3)] : [])];
      });
      if (!arg) return out;
      if (returnIndices) {
        indices = tf.tidy(() => {
          const base = tf.reshape(tf.mul(tf.range(0, ah.out * aw.out, 1, 'int32'), tf.scalar(k, 'int32')), [ah.out, aw.out]);
          return fromPlanes(tf.gather(tf.tensor1d(tapTable(ah, aw), 'int32'), tf.add(arg, base)), plan);
        });
      }
      return [out, arg];
    },
    backward: (dy, [arg]) => {
      // int32 one-hot, then a cast: tfjs-backend-wasm 4.22 writes wrong float32 one-hots.
      const perTap = tf.mul(tf.cast(tf.oneHot(arg, k), 'float32'), tf.reshape(dy, [plan.planes, ah.out, aw.out, 1]));
      return [tf.reshape(scatterWindows(perTap, ah, aw), input.shape)];
    },
  });
  return returnIndices ? [y, new Tensor(indices!)] : y;
}

/**
 * The same on a backend with a max-pooling kernel over window tables (@dl/backend-native's
 * `DlMaxPool2dNCHW`: first maximum wins, NaN propagates, flat per-plane indices, as PyTorch's);
 * the backward scatters dy to the saved indices.
 */
function maxOverWindowsFused(name: string, input: Tensor, plan: PoolPlan, ah: AxisWindows, aw: AxisWindows, returnIndices: boolean): Tensor | [Tensor, Tensor] {
  const attrs = { rows: ah.coords, cols: aw.coords, kh: ah.k, kw: aw.k };
  const planeShape = [plan.planes, plan.h, plan.w];
  let indices: TfTensor | null = null;
  const y = runOp({
    name,
    inputs: [input],
    forward: () => {
      const [out, arg] = tf.tidy(() => {
        const [values, idx] = runOptionalKernel(OPTIONAL_KERNELS.maxPool2d, { x: toPlanes(input._value, plan) }, attrs);
        return [fromPlanes(values, plan), idx];
      });
      if (returnIndices) indices = tf.tidy(() => fromPlanes(arg, plan));
      return [out, arg];
    },
    backward: (dy, [arg]) => {
      const g = tf.reshape(dy, arg.shape);
      return [tf.reshape(runOptionalKernel(OPTIONAL_KERNELS.maxPool2dGrad, { dy: g, indices: arg }, { inputShape: planeShape })[0], input.shape)];
    },
  });
  return returnIndices ? [y, new Tensor(indices!)] : y;
}

function plan2(op: string, dims: 1 | 2, input: Tensor, kernelSize: IntOrTuple, options: MaxPoolOptions): [PoolPlan, AxisWindows, AxisWindows] {
  const plan = poolPlan(input, dims, op);
  const kernel = expandInts(kernelSize, dims, 'kernelSize', op, 1);
  const stride = options.stride == null || (Array.isArray(options.stride) && options.stride.length === 0) ? kernel : expandInts(options.stride, dims, 'stride', op, 1);
  const padding = expandInts(options.padding ?? 0, dims, 'padding', op, 0);
  const dilation = expandInts(options.dilation ?? 1, dims, 'dilation', op, 1);
  for (let i = 0; i < dims; i++) {
    if (padding[i] > Math.floor(((kernel[i] - 1) * dilation[i] + 1) / 2)) {
      throw new ValueError(`${op}: pad should be at most half of effective kernel size, but got pad=${padding[i]}, kernel_size=${kernel[i]} and dilation=${dilation[i]}`);
    }
  }
  const ceil = options.ceilMode ?? false;
  const axes = kernel.map((k, i) => slidingAxis(dims === 2 ? [plan.h, plan.w][i] : plan.w, k, stride[i], padding[i], dilation[i], ceil));
  return [plan, dims === 2 ? axes[0] : unitAxis(), axes[dims - 1]];
}

/**
 * 2-D max pooling over an NCHW input (PyTorch's `F.max_pool2d`), `[N, C, H, W]` or `[C, H, W]`.
 * With `returnIndices: true` it returns `[output, indices]`, the indices (int32) being each
 * maximum's flat position `h * W + w` in its input plane, as PyTorch's (for `maxUnpool2d`).
 *
 * @param kernelSize window size, one number or `[kH, kW]`.
 * @param options `stride` (default kernelSize), `padding` (default 0), `dilation` (default 1), `ceilMode` (default false), `returnIndices` (default false).
 * @example
 * ```ts
 * const x = dl.randn([1, 3, 8, 8]);
 * dl.maxPool2d(x, 2).shape; // [1, 3, 4, 4]
 * const [y, idx] = dl.maxPool2d(x, 3, { stride: 2, padding: 1, returnIndices: true });
 * ```
 */
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, options?: MaxPoolOptions & { returnIndices?: false }): Tensor;
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, options: MaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, options?: MaxPoolOptions): Tensor | [Tensor, Tensor];
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, options: MaxPoolOptions = {}): Tensor | [Tensor, Tensor] {
  assertTensor(input, 'maxPool2d');
  const [plan, ah, aw] = plan2('maxPool2d', 2, input, kernelSize, options);
  return maxOverWindows('MaxPool2d', input, plan, ah, aw, options.returnIndices ?? false);
}

/**
 * 1-D max pooling over an NCL input (PyTorch's `F.max_pool1d`), `[N, C, L]` or `[C, L]`; with
 * `returnIndices: true`, returns `[output, indices]` (positions along L, int32).
 *
 * @param kernelSize window length.
 * @param options `stride` (default kernelSize), `padding` (default 0), `dilation` (default 1), `ceilMode` (default false), `returnIndices` (default false).
 * @example
 * ```ts
 * dl.maxPool1d(dl.randn([2, 4, 10]), 3, { stride: 2 }).shape; // [2, 4, 4]
 * ```
 */
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, options?: MaxPoolOptions & { returnIndices?: false }): Tensor;
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, options: MaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, options?: MaxPoolOptions): Tensor | [Tensor, Tensor];
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, options: MaxPoolOptions = {}): Tensor | [Tensor, Tensor] {
  assertTensor(input, 'maxPool1d');
  const [plan, ah, aw] = plan2('maxPool1d', 1, input, kernelSize, options);
  return maxOverWindows('MaxPool1d', input, plan, ah, aw, options.returnIndices ?? false);
}
