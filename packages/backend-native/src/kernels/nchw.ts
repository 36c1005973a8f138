// @dl's own kernels (names prefixed `Dl`): channels-first convolution, pooling and batch
// normalisation with PyTorch's semantics, for @dl/core to call when the active backend has them
// (`tf.getKernel(name, backendName)`). They exist only on this backend: there is no cpu kernel
// to fall back to, so every input is checked here and a bad one throws a NativeKernelError
// before the addon is called.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NativeKernelError } from '../errors';
import { type KernelArgs, type KernelContext, sizeOf } from './kernel-context';

/**
 * The names of the kernels @dl/backend-native adds to tfjs (on its own backend only), with
 * PyTorch's layout and semantics. Run them with `tf.engine().runKernel(name, inputs, attrs)`.
 *
 * - `DlConv2dNCHW`: `{ x [N, C, H, W], filter [O, C / groups, kH, kW], bias? [O] }`, attrs
 *   `{ strides: [sH, sW], pad: [top, bottom, left, right], dilations: [dH, dW], groups }` ->
 *   `[N, O, OH, OW]`.
 * - `DlConv2dNCHWBackpropInput`: `{ dy, filter }`, the same attrs plus `inputShape` -> dx.
 * - `DlConv2dNCHWBackpropFilter`: `{ x, dy }`, the same attrs plus `filterShape` and `withBias`
 *   -> dw, or `[dw, dbias]` when `withBias`.
 * - `DlMaxPool2dNCHW`: `{ x [..., H, W] }`, attrs either `{ kernelSize, strides, pad: [top, left],
 *   dilations, ceilMode }` (PyTorch's `max_pool2d`) or explicit window tables `{ rows, cols, kh,
 *   kw }` (row taps per output row, column taps per output column; -1 or any tap outside the
 *   input is padding) -> `[values, indices]`, indices int32 flat `h * W + w` per plane (the first
 *   maximum; NaN wins).
 * - `DlMaxPool2dNCHWGrad`: `{ dy, indices }`, attrs `{ inputShape }` -> dx.
 * - `DlAvgPool2dNCHW`: `{ x }`, attrs either `{ kernelSize, strides, pad, ceilMode,
 *   countIncludePad, divisorOverride }` (PyTorch's `avg_pool2d`) or tables `{ rows, cols, kh, kw,
 *   divisors }` (one divisor per output position) -> the window averages.
 * - `DlAvgPool2dNCHWGrad`: `{ dy }`, the forward's attrs plus `inputShape` -> dx.
 * - `DlBatchNormTrain`: `{ x [N, C, ...], weight? [C], bias? [C] }`, attrs `{ eps }` ->
 *   `[y, mean, variance (biased), invstd]`, the statistics `[C]`.
 * - `DlBatchNormTrainGrad`: `{ dy, x, mean, invstd, weight? }` -> `[dx, dweight, dbias]`.
 * - `DlSgdStep`: one `torch.optim.SGD` step of a parameter, `{ param, grad, momentumBuffer? }`
 *   (all float32 of the parameter's shape; no buffer on the first step: buf = d, PyTorch's
 *   rule), attrs `{ lr, momentum, dampening, weightDecay, nesterov, maximize, inPlace? }` ->
 *   `[param, momentumBuffer]`, or `[param]` when momentum is 0. With `inPlace`, an output is
 *   written into its input's storage when that storage is an earlier fused step's output that
 *   no other tensor shares (the output then has the input's dataId); else into a new array.
 * - `DlAdamStep`: one `torch.optim.Adam` (or AdamW, `decoupled`) step, `{ param, grad, expAvg?,
 *   expAvgSq?, maxExpAvgSq? }` (no state on the first step), attrs `{ lr, beta1, beta2, eps,
 *   weightDecay, step, amsgrad, maximize, decoupled, biasCorrection1?, biasCorrection2Sqrt?,
 *   inPlace? }` (the bias corrections default to `1 - beta1 ** step` and `sqrt(1 - beta2 **
 *   step)`) -> `[param, expAvg, expAvgSq]`, plus `maxExpAvgSq` with amsgrad; `inPlace` as for
 *   `DlSgdStep`.
 * - `DlReluGrad`: `{ dy, x }`, float32 of one shape -> `x > 0 ? dy : 0` (ReLU's gradient, as
 *   PyTorch's `threshold_backward`), in one pass.
 * - `DlSoftmaxCrossEntropy`: `{ logits (C) | (N, C, d1, ...) }`, attrs `{ target: Int32Array (one
 *   class per position), coef: Float32Array [2 * positions], weight: Float32Array [C] | null,
 *   reduce }` ->
 *   `[loss, logp]`: PyTorch's `cross_entropy` with class-index targets, where q[p, c] = a[p] *
 *   (c == target[p]) + b[p] * weight[c] (coef holds a, then b) and loss[p] = -sum_c q[p, c] *
 *   logp[p, c]; summed to a scalar when `reduce`. A target outside [0, C) adds no target term
 *   (ignored positions have a = b = 0).
 * - `DlSoftmaxCrossEntropyGrad`: `{ logp, dy }`, the same attrs -> the
 *   logits' gradient `dy[p] * ((a[p] + b[p] * sum(weight)) * exp(logp) - q)`.
 *
 * Each optimizer step is one pass over the elements with the portable ops' float32 arithmetic,
 * in their order: the results equal @dl/core's tfjs path bit for bit. The cross entropy
 * accumulates in double and agrees with the portable path to float32 rounding.
 */
export const DL_KERNELS = {
  conv2d: 'DlConv2dNCHW',
  conv2dBackpropInput: 'DlConv2dNCHWBackpropInput',
  conv2dBackpropFilter: 'DlConv2dNCHWBackpropFilter',
  maxPool2d: 'DlMaxPool2dNCHW',
  maxPool2dGrad: 'DlMaxPool2dNCHWGrad',
  avgPool2d: 'DlAvgPool2dNCHW',
  avgPool2dGrad: 'DlAvgPool2dNCHWGrad',
  batchNormTrain: 'DlBatchNormTrain',
  batchNormTrainGrad: 'DlBatchNormTrainGrad',
  sgdStep: 'DlSgdStep',
  adamStep: 'DlAdamStep',
  reluGrad: 'DlReluGrad',
  softmaxCrossEntropy: 'DlSoftmaxCrossEntropy',
  softmaxCrossEntropyGrad: 'DlSoftmaxCrossEntropyGrad',
} as const;

type Attrs = Record<string, unknown> | undefined;

function fail(kernel: string, message: string): never {
  throw new NativeKernelError(`${kernel}: ${message}`);
}

function floats(kernel: string, backend: MathBackendCPU, t: TensorInfo | undefined, what: string, rank?: number): Float32Array {
  if (!t) fail(kernel, `missing input '${what}'`);
  if (t.dtype !== 'float32') fail(kernel, `expected ${what} of dtype float32, got ${t.dtype}`);
  if (rank !== undefined && t.shape.length !== rank) fail(kernel, `expected ${what} of rank ${rank}, got shape [${t.shape.join(', ')}]`);
  const v = backend.data.get(t.dataId).values;
  if (v instanceof Float32Array) return v;
  if (v instanceof Int32Array || v instanceof Uint8Array) return new Float32Array(v);
  return fail(kernel, `${what} has no numeric storage`);
}

function ints(kernel: string, value: unknown, n: number, what: string, min: number): number[] {
  const arr = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<number>) : null;
  if (!arr || arr.length !== n || arr.some((v) => !Number.isInteger(v) || v < min || v > 0x7fffffff)) {
    fail(kernel, `expected ${what} to be ${n} integer(s) >= ${min}, got ${JSON.stringify(value)}`);
  }
  return arr;
}

function sameShape(kernel: string, a: readonly number[], b: readonly number[], what: string): void {
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) fail(kernel, `expected ${what} of shape [${b.join(', ')}], got [${a.join(', ')}]`);
}

/** A convolution's geometry from its attrs and the input and filter shapes (checked). */
interface ConvGeometry {
  geometry: Int32Array;
  outShape: number[];
}

function convGeometry(kernel: string, xShape: readonly number[], wShape: readonly number[], attrs: Attrs): ConvGeometry {
  const [n, c, h, w] = ints(kernel, xShape, 4, 'the input shape [N, C, H, W]', 0);
  const [o, cg, kh, kw] = ints(kernel, wShape, 4, 'the filter shape [O, C / groups, kH, kW]', 0);
  const [sh, sw] = ints(kernel, attrs?.strides ?? 1, 2, 'strides', 1);
  const [dh, dw] = ints(kernel, attrs?.dilations ?? 1, 2, 'dilations', 1);
  const [pt, pb, pl, pr] = ints(kernel, attrs?.pad ?? 0, 4, 'pad [top, bottom, left, right]', 0);
  const [groups] = ints(kernel, attrs?.groups ?? 1, 1, 'groups', 1);
  const [strategy] = ints(kernel, attrs?.strategy ?? 0, 1, 'strategy', 0);
  if (strategy > 2) fail(kernel, `strategy must be 0, 1 or 2, got ${strategy}`);
  if (c !== cg * groups || o % groups !== 0) fail(kernel, `groups=${groups} does not fit input channels ${c} and filter [${wShape.join(', ')}]`);
  const oh = Math.floor((h + pt + pb - dh * (kh - 1) - 1) / sh) + 1;
  const ow = Math.floor((w + pl + pr - dw * (kw - 1) - 1) / sw) + 1;
  if (oh < 0 || ow < 0 || kh < 1 || kw < 1) fail(kernel, `the filter [${wShape.join(', ')}] does not fit the padded input [${xShape.join(', ')}]`);
  return { geometry: Int32Array.of(n, c, h, w, o, kh, kw, oh, ow, sh, sw, dh, dw, pt, pl, groups, strategy), outShape: [n, o, oh, ow] };
}

/** Sliding windows along one axis as a tap table (PyTorch's output size, ceil mode included). */
function slidingTaps(size: number, k: number, stride: number, pad: number, dilation: number, ceil: boolean): { out: number; taps: Int32Array } {
  const span = size + 2 * pad - dilation * (k - 1) - 1;
  let out = Math.floor((span + (ceil ? stride - 1 : 0)) / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out--;
  out = Math.max(out, 0);
  const taps = new Int32Array(out * k);
  for (let i = 0; i < out; i++) for (let j = 0; j < k; j++) taps[i * k + j] = i * stride - pad + j * dilation;
  return { out, taps };
}

interface Windows {
  lead: number[];
  planes: number;
  h: number;
  w: number;
  oh: number;
  ow: number;
  geometry: Int32Array;
  rows: Int32Array;
  cols: Int32Array;
  /** Per-output divisors of the average (PyTorch's), when asked for. */
  divisors: Float32Array | null;
}

function tapTable(kernel: string, value: unknown, what: string): Int32Array {
  if (value instanceof Int32Array) return value;
  if (Array.isArray(value) && value.every((v) => Number.isInteger(v))) return Int32Array.from(value as number[]);
  return fail(kernel, `expected ${what} to be an Int32Array or an integer array`);
}

function windows(kernel: string, shape: readonly number[], attrs: Attrs, avg: boolean): Windows {
  if (shape.length < 2) fail(kernel, `expected an input [..., H, W], got [${shape.join(', ')}]`);
  const lead = shape.slice(0, -2);
  const [h, w] = shape.slice(-2);
  const planes = sizeOf(lead);
  let kh: number, kw: number, rows: Int32Array, cols: Int32Array, oh: number, ow: number;
  let divisors: Float32Array | null = null;
  if (attrs?.rows !== undefined || attrs?.cols !== undefined) {
    [kh] = ints(kernel, attrs?.kh, 1, 'kh', 1);
    [kw] = ints(kernel, attrs?.kw, 1, 'kw', 1);
    rows = tapTable(kernel, attrs?.rows, 'rows');
    cols = tapTable(kernel, attrs?.cols, 'cols');
    if (rows.length % kh !== 0 || cols.length % kw !== 0) fail(kernel, `the tap tables' lengths (${rows.length}, ${cols.length}) are not multiples of kh=${kh}, kw=${kw}`);
    oh = rows.length / kh;
    ow = cols.length / kw;
    if (avg) {
      const d = attrs?.divisors;
      if (!(d instanceof Float32Array) || d.length !== oh * ow) fail(kernel, `expected divisors, a Float32Array of ${oh * ow} values`);
      divisors = d;
    }
  } else {
    [kh, kw] = ints(kernel, attrs?.kernelSize, 2, 'kernelSize', 1);
    const [sh, sw] = ints(kernel, attrs?.strides ?? [kh, kw], 2, 'strides', 1);
    const [ph, pw] = ints(kernel, attrs?.pad ?? 0, 2, 'pad [top, left]', 0);
    const [dh, dw] = avg ? [1, 1] : ints(kernel, attrs?.dilations ?? 1, 2, 'dilations', 1);
    const ceil = Boolean(attrs?.ceilMode);
    const r = slidingTaps(h, kh, sh, ph, dh, ceil);
    const c = slidingTaps(w, kw, sw, pw, dw, ceil);
    [oh, rows, ow, cols] = [r.out, r.taps, c.out, c.taps];
    if (avg) {
      const override = attrs?.divisorOverride;
      const include = attrs?.countIncludePad !== false;
      const counts = (out: number, size: number, k: number, s: number, p: number) =>
        Array.from({ length: out }, (_, o) => {
          const start = o * s - p;
          const end = Math.min(start + k, size + p);
          return include ? end - start : Math.min(end, size) - Math.max(start, 0);
        });
      const ch = counts(oh, h, kh, sh, ph);
      const cw = counts(ow, w, kw, sw, pw);
      divisors = new Float32Array(oh * ow);
      for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) divisors[i * ow + j] = typeof override === 'number' && override !== 0 ? override : ch[i] * cw[j];
    }
  }
  if (oh < 1 || ow < 1) fail(kernel, `the windows give an empty output (${oh} x ${ow}) for input [${shape.join(', ')}]`);
  return { lead, planes, h, w, oh, ow, geometry: Int32Array.of(planes, h, w, oh, ow, kh, kw), rows, cols, divisors };
}

/** @internal The `Dl*` kernels on the native backend. */
export function nchwKernels(ctx: KernelContext): KernelConfig[] {
  const { addon, backendName } = ctx;
  const kernel = (kernelName: string, fn: (args: KernelArgs) => TensorInfo | TensorInfo[]): KernelConfig => ({
    kernelName,
    backendName,
    kernelFunc: fn as unknown as KernelFunc,
  });

  const conv = kernel(DL_KERNELS.conv2d, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.conv2d;
    const xv = floats(name, backend, inputs.x, 'x', 4);
    const wv = floats(name, backend, inputs.filter, 'filter', 4);
    const g = convGeometry(name, inputs.x.shape, inputs.filter.shape, attrs);
    let bias: Float32Array | null = null;
    if (inputs.bias) {
      bias = floats(name, backend, inputs.bias, 'bias', 1);
      sameShape(name, inputs.bias.shape, [g.outShape[1]], 'bias');
    }
    const out = new Float32Array(sizeOf(g.outShape));
    if (out.length > 0) addon.conv2dNchw(xv, wv, bias, out, g.geometry);
    return backend.makeTensorInfo(g.outShape, 'float32', out);
  });

  const convInput = kernel(DL_KERNELS.conv2dBackpropInput, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.conv2dBackpropInput;
    const dyv = floats(name, backend, inputs.dy, 'dy', 4);
    const wv = floats(name, backend, inputs.filter, 'filter', 4);
    const inputShape = ints(name, attrs?.inputShape, 4, 'inputShape', 0);
    const g = convGeometry(name, inputShape, inputs.filter.shape, attrs);
    sameShape(name, inputs.dy.shape, g.outShape, 'dy');
    const dx = new Float32Array(sizeOf(inputShape));
    if (dx.length > 0) addon.conv2dNchwBackpropInput(dyv, wv, dx, g.geometry);
    return backend.makeTensorInfo(inputShape, 'float32', dx);
  });

  const convFilter = kernel(DL_KERNELS.conv2dBackpropFilter, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.conv2dBackpropFilter;
    const xv = floats(name, backend, inputs.x, 'x', 4);
    const dyv = floats(name, backend, inputs.dy, 'dy', 4);
    const filterShape = ints(name, attrs?.filterShape, 4, 'filterShape', 0);
    const g = convGeometry(name, inputs.x.shape, filterShape, attrs);
    sameShape(name, inputs.dy.shape, g.outShape, 'dy');
    const dw = new Float32Array(sizeOf(filterShape));
    const db = attrs?.withBias ? new Float32Array(filterShape[0]) : null;
    if (dw.length > 0 || (db && db.length > 0)) addon.conv2dNchwBackpropFilter(xv, dyv, dw, db, g.geometry);
    const dwInfo = backend.makeTensorInfo(filterShape, 'float32', dw);
    return db ? [dwInfo, backend.makeTensorInfo([filterShape[0]], 'float32', db)] : dwInfo;
  });

  const maxPool = kernel(DL_KERNELS.maxPool2d, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.maxPool2d;
    const xv = floats(name, backend, inputs.x, 'x');
    const win = windows(name, inputs.x.shape, attrs, false);
    const n = win.planes * win.oh * win.ow;
    const out = new Float32Array(n);
    const idx = new Int32Array(n);
    if (n > 0) addon.windowMax(xv, out, idx, win.geometry, win.rows, win.cols);
    const shape = [...win.lead, win.oh, win.ow];
    return [backend.makeTensorInfo(shape, 'float32', out), backend.makeTensorInfo(shape.slice(), 'int32', idx)];
  });

  const maxPoolGrad = kernel(DL_KERNELS.maxPool2dGrad, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.maxPool2dGrad;
    const dyv = floats(name, backend, inputs.dy, 'dy');
    const indices = inputs.indices;
    if (indices?.dtype !== 'int32') fail(name, 'expected int32 indices');
    sameShape(name, indices.shape, inputs.dy.shape, 'indices');
    const idx = backend.data.get(indices.dataId).values;
    if (!(idx instanceof Int32Array)) fail(name, 'indices have no int32 storage');
    const inputShape = ints(name, attrs?.inputShape, inputs.dy.shape.length, 'inputShape', 0);
    if (inputShape.length < 2) fail(name, 'expected an input shape [..., H, W]');
    sameShape(name, inputShape.slice(0, -2), inputs.dy.shape.slice(0, -2), 'the leading dimensions of inputShape');
    const planes = sizeOf(inputShape.slice(0, -2));
    const inSize = sizeOf(inputShape.slice(-2));
    const outSize = sizeOf(inputs.dy.shape.slice(-2));
    const dx = new Float32Array(planes * inSize);
    if (dx.length > 0 && outSize > 0) {
      for (let i = 0; i < planes * outSize; i++) if (idx[i] < 0 || idx[i] >= inSize) fail(name, `index ${idx[i]} is outside the input plane of ${inSize} values`);
      addon.windowMaxGrad(dyv, idx, dx, planes, inSize, outSize);
    }
    return backend.makeTensorInfo(inputShape, 'float32', dx);
  });

  const scaleOf = (win: Windows) => Float32Array.from(win.divisors!, (d) => 1 / d);

  const avgPool = kernel(DL_KERNELS.avgPool2d, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.avgPool2d;
    const xv = floats(name, backend, inputs.x, 'x');
    const win = windows(name, inputs.x.shape, attrs, true);
    const out = new Float32Array(win.planes * win.oh * win.ow);
    if (out.length > 0) addon.windowAvg(xv, scaleOf(win), out, win.geometry, win.rows, win.cols);
    return backend.makeTensorInfo([...win.lead, win.oh, win.ow], 'float32', out);
  });

  const avgPoolGrad = kernel(DL_KERNELS.avgPool2dGrad, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.avgPool2dGrad;
    const dyv = floats(name, backend, inputs.dy, 'dy');
    const inputShape = ints(name, attrs?.inputShape, inputs.dy.shape.length, 'inputShape', 0);
    const win = windows(name, inputShape, attrs, true);
    sameShape(name, inputs.dy.shape, [...win.lead, win.oh, win.ow], 'dy');
    const dx = new Float32Array(sizeOf(inputShape));
    if (dx.length > 0) addon.windowAvgGrad(dyv, scaleOf(win), dx, win.geometry, win.rows, win.cols);
    return backend.makeTensorInfo(inputShape, 'float32', dx);
  });

  /** [N, C, S] of a batch-norm input, with its optional per-channel parameters checked. */
  const bnDims = (name: string, x: TensorInfo): [number, number, number] => {
    if (x.shape.length < 2) fail(name, `expected x of shape [N, C, ...], got [${x.shape.join(', ')}]`);
    return [x.shape[0], x.shape[1], sizeOf(x.shape.slice(2))];
  };
  const param = (name: string, backend: MathBackendCPU, t: TensorInfo | undefined, what: string, c: number): Float32Array | null => {
    if (!t) return null;
    const v = floats(name, backend, t, what, 1);
    sameShape(name, t.shape, [c], what);
    return v;
  };

  const bnTrain = kernel(DL_KERNELS.batchNormTrain, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.batchNormTrain;
    const xv = floats(name, backend, inputs.x, 'x');
    const [n, c, s] = bnDims(name, inputs.x);
    const wv = param(name, backend, inputs.weight, 'weight', c);
    const bv = param(name, backend, inputs.bias, 'bias', c);
    const eps = Number(attrs?.eps ?? 1e-5);
    if (!(eps >= 0)) fail(name, `eps must be non-negative, got ${String(attrs?.eps)}`);
    const y = new Float32Array(xv.length);
    const mean = new Float32Array(c);
    const variance = new Float32Array(c);
    const invstd = new Float32Array(c);
    if (c > 0) addon.batchNormTrain(xv, wv, bv, y, mean, variance, invstd, n, c, s, eps);
    return [
      backend.makeTensorInfo(inputs.x.shape.slice(), 'float32', y),
      backend.makeTensorInfo([c], 'float32', mean),
      backend.makeTensorInfo([c], 'float32', variance),
      backend.makeTensorInfo([c], 'float32', invstd),
    ];
  });

  const bnTrainGrad = kernel(DL_KERNELS.batchNormTrainGrad, ({ inputs, backend }) => {
    const name = DL_KERNELS.batchNormTrainGrad;
    const xv = floats(name, backend, inputs.x, 'x');
    const dyv = floats(name, backend, inputs.dy, 'dy');
    sameShape(name, inputs.dy.shape, inputs.x.shape, 'dy');
    const [n, c, s] = bnDims(name, inputs.x);
    const mean = param(name, backend, inputs.mean, 'mean', c);
    const invstd = param(name, backend, inputs.invstd, 'invstd', c);
    if (!mean || !invstd) fail(name, 'expected the mean and invstd of the forward');
    const wv = param(name, backend, inputs.weight, 'weight', c);
    const dx = new Float32Array(xv.length);
    const dweight = new Float32Array(c);
    const dbias = new Float32Array(c);
    if (c > 0) addon.batchNormTrainGrad(dyv, xv, mean, invstd, wv, dx, dweight, dbias, n, c, s);
    return [
      backend.makeTensorInfo(inputs.x.shape.slice(), 'float32', dx),
      backend.makeTensorInfo([c], 'float32', dweight),
      backend.makeTensorInfo([c], 'float32', dbias),
    ];
  });

  return [conv, convInput, convFilter, maxPool, maxPoolGrad, avgPool, avgPoolGrad, bnTrain, bnTrainGrad];
}
