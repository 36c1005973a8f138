import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { convBackpropFilter, convBackpropInput, convForward, type Conv2dSpec } from './conv-kernels';
import { emptyResult } from './empty-result';
import { convOutSize, expandInts, fmtShape, resolveConvPadding, type ConvPadding, type IntOrTuple } from './conv-geometry';

/** Options of `conv1d` and `conv2d` (PyTorch's keyword arguments). */
export interface ConvOptions {
  /** Step of the kernel over the input, per spatial dimension. @default 1 */
  stride?: IntOrTuple;
  /**
   * Zeros added on both sides of each spatial dimension, or `'valid'` (none) or `'same'` (output
   * as large as the input; stride must be 1; an odd total puts the extra zero after).
   * @default 0
   */
  padding?: ConvPadding;
  /** Spacing between kernel taps. @default 1 */
  dilation?: IntOrTuple;
  /** Blocked connections: input and output channels split into `groups` independent convolutions. @default 1 */
  groups?: number;
}

/** @internal Everything a 1-D or 2-D convolution needs after validation, mapped to 2-D NHWC. */
export interface ConvPlan {
  spec: Conv2dSpec;
  /** The output shape, channels-first (unbatched when the input is). */
  outShape: number[];
  batched: boolean;
  /** Spatial dimensions of the op (1 or 2); 1-D runs as 2-D with height 1. */
  dims: 1 | 2;
}

/** @internal Raw layout changes between PyTorch's channels-first and tfjs's channels-last. */
export const layout = {
  /** `[N, C, *spatial]` (or unbatched `[C, *spatial]`) to `[N, H, W, C]`. */
  toNHWC(x: TfTensor, plan: Pick<ConvPlan, 'batched' | 'dims'>): TfTensor {
    const full = plan.batched ? x : tf.expandDims(x, 0);
    if (plan.dims === 2) return tf.transpose(full, [0, 2, 3, 1]);
    const [n, c, l] = full.shape;
    return tf.reshape(tf.transpose(full, [0, 2, 1]), [n, 1, l, c]);
  },
  /** The inverse of `toNHWC`. */
  fromNHWC(y: TfTensor, plan: Pick<ConvPlan, 'batched' | 'dims'>): TfTensor {
    const [n, , w, c] = y.shape;
    const back = plan.dims === 2 ? tf.transpose(y, [0, 3, 1, 2]) : tf.transpose(tf.reshape(y, [n, w, c]), [0, 2, 1]);
    return plan.batched ? back : tf.squeeze(back, [0]);
  },
  /** PyTorch weights `[A, B, *kernel]` to tfjs filters `[kH, kW, B, A]`. */
  toHWIO(w: TfTensor, dims: 1 | 2): TfTensor {
    if (dims === 2) return tf.transpose(w, [2, 3, 1, 0]);
    const [a, b, k] = w.shape;
    return tf.reshape(tf.transpose(w, [2, 1, 0]), [1, k, b, a]);
  },
  /** The inverse of `toHWIO`. */
  fromHWIO(w: TfTensor, dims: 1 | 2): TfTensor {
    if (dims === 2) return tf.transpose(w, [3, 2, 0, 1]);
    const [, k, b, a] = w.shape;
    return tf.transpose(tf.reshape(w, [k, b, a]), [2, 1, 0]);
  },
};

/** @internal Spatial sizes of a channels-first input (batched or not). */
export function spatialOf(input: Tensor, batched: boolean): number[] {
  return input.shape.slice(batched ? 2 : 1);
}

/** @internal Checks a float32 operand of a convolution-like op. */
export function checkFloat(t: Tensor, what: string, op: string): void {
  if (t.dtype !== 'float32') throw new DTypeError(`${op}: expected ${what} of dtype float32, but got ${t.dtype}`);
}

/** @internal Checks `groups` and returns it. */
export function checkGroups(groups: number, op: string): number {
  if (!Number.isInteger(groups) || groups < 1) throw new ValueError(`${op}: groups must be a positive integer (got ${groups})`);
  return groups;
}

/** @internal Checks the input rank of a convolution-like op and says whether it has a batch dimension. */
export function checkConvInput(input: Tensor, dims: number, op: string): boolean {
  const r = input.dim();
  if (r !== dims + 1 && r !== dims + 2) {
    throw new ShapeError(`${op}: expected ${dims + 1}D (unbatched) or ${dims + 2}D (batched) input, but got input of size ${fmtShape(input.shape)}`);
  }
  return r === dims + 2;
}

/** @internal Checks a bias against the number of output channels. */
export function checkBias(bias: Tensor | null | undefined, outChannels: number, op: string): void {
  if (!bias) return;
  checkFloat(bias, 'bias', op);
  if (bias.dim() !== 1 || bias.shape[0] !== outChannels) {
    throw new ShapeError(`${op}: expected bias of size [${outChannels}] (one per output channel), but got bias of size ${fmtShape(bias.shape)}`);
  }
}

function plan(op: string, dims: 1 | 2, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, options: ConvOptions): ConvPlan {
  checkFloat(input, 'input', op);
  checkFloat(weight, 'weight', op);
  const batched = checkConvInput(input, dims, op);
  const kernelNames = dims === 2 ? 'kH, kW' : 'kW';
  if (weight.dim() !== dims + 2) {
    throw new ShapeError(`${op}: expected ${dims + 2}D weight [out_channels, in_channels / groups, ${kernelNames}], but got weight of size ${fmtShape(weight.shape)}`);
  }
  const groups = checkGroups(options.groups ?? 1, op);
  const [outC, inPerGroup] = weight.shape;
  if (outC % groups !== 0) {
    throw new ShapeError(`${op}: given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${fmtShape(weight.shape)}`);
  }
  const channels = input.shape[batched ? 1 : 0];
  if (channels !== inPerGroup * groups) {
    throw new ShapeError(
      `${op}: given groups=${groups}, weight of size ${fmtShape(weight.shape)}, expected input ${fmtShape(input.shape)} to have ${inPerGroup * groups} channels, but got ${channels} channels instead`,
    );
  }
  checkBias(bias, outC, op);
  const kernel = weight.shape.slice(2);
  const stride = expandInts(options.stride ?? 1, dims, 'stride', op, 1);
  const dilation = expandInts(options.dilation ?? 1, dims, 'dilation', op, 1);
  const pads = resolveConvPadding(options.padding ?? 0, kernel, stride, dilation, op);
  const spatial = spatialOf(input, batched);
  const out = spatial.map((s, i) => convOutSize(s, kernel[i], stride[i], pads[i][0], pads[i][1], dilation[i]));
  if (out.some((o) => o < 1)) {
    const padded = spatial.map((s, i) => s + pads[i][0] + pads[i][1]);
    const eff = kernel.map((k, i) => dilation[i] * (k - 1) + 1);
    throw new ShapeError(
      `${op}: calculated padded input size per channel: (${padded.join(' x ')}); kernel size (dilated): (${eff.join(' x ')}); the kernel size can't be greater than the actual input size (input ${fmtShape(input.shape)})`,
    );
  }
  const pair = <T>(v: T[], fill: T): [T, T] => (dims === 2 ? [v[0], v[1]] : [fill, v[0]]);
  return {
    batched,
    dims,
    outShape: [...(batched ? [input.shape[0]] : []), outC, ...out],
    spec: {
      strides: pair(stride, 1),
      dilations: pair(dilation, 1),
      pad: pair(pads, [0, 0] as [number, number]) as Conv2dSpec['pad'],
      groups,
    },
  };
}

/** @internal The one implementation behind `conv1d` and `conv2d`. */
export function convNd(op: 'conv1d' | 'conv2d', dims: 1 | 2, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, options: ConvOptions): Tensor {
  const p = plan(op, dims, input, weight, bias, options);
  if (input.numel() === 0 || weight.numel() === 0) return emptyResult(dims === 2 ? 'Conv2d' : 'Conv1d', [input, weight], p.outShape, bias ?? null, p.batched ? 1 : 0);
  if (hasOptionalKernel(OPTIONAL_KERNELS.conv2d)) return convNchw(dims, input, weight, bias, p);
  const inputs = bias ? [input, weight, bias] : [input, weight];
  // The backward needs the input only for the weight's gradient and the weight only for the
  // input's: keep just those, already in tfjs's layout.
  const keepX = weight.requiresGrad;
  const keepW = input.requiresGrad;
  const spatial = spatialOf(input, p.batched);
  const xShape = [p.batched ? input.shape[0] : 1, dims === 2 ? spatial[0] : 1, spatial[dims - 1], input.shape[p.batched ? 1 : 0]];
  const k = weight.shape.slice(2);
  const wShape = [dims === 2 ? k[0] : 1, k[dims - 1], weight.shape[1], weight.shape[0]];
  return runOp({
    name: dims === 2 ? 'Conv2d' : 'Conv1d',
    inputs,
    forward: () =>
      tf.tidy(() => {
        const x = layout.toNHWC(input._value, p);
        const w = layout.toHWIO(weight._value, dims);
        const y = layout.fromNHWC(convForward(x, w, p.spec, bias ? bias._value : null), p);
        return [y, ...(keepX ? [x] : []), ...(keepW ? [w] : [])];
      }),
    backward: (dy, saved, needs) => {
      const x = keepX ? saved[0] : null;
      const w = keepW ? saved[keepX ? 1 : 0] : null;
      const g = layout.toNHWC(dy, p);
      const dx = needs[0] && w ? layout.fromNHWC(convBackpropInput(g, w, p.spec, xShape), p) : null;
      const dw = needs[1] && x ? layout.fromHWIO(convBackpropFilter(x, g, p.spec, wShape), dims) : null;
      const db = needs[2] ? tf.sum(g, [0, 1, 2]) : null;
      return [dx, dw, db];
    },
  });
}

/**
 * The convolution on a backend with channels-first kernels (@dl/backend-native's `DlConv2dNCHW`
 * and its gradients): PyTorch's layouts go to the kernels as they are (1-D as 2-D of height 1,
 * unbatched as a batch of one), so no transposes.
 */
function convNchw(dims: 1 | 2, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, p: ConvPlan): Tensor {
  const inputs = bias ? [input, weight, bias] : [input, weight];
  const keepX = weight.requiresGrad;
  const keepW = input.requiresGrad;
  const spatial = spatialOf(input, p.batched);
  const xShape = [p.batched ? input.shape[0] : 1, input.shape[p.batched ? 1 : 0], dims === 2 ? spatial[0] : 1, spatial[dims - 1]];
  const k = weight.shape.slice(2);
  const wShape = [weight.shape[0], weight.shape[1], dims === 2 ? k[0] : 1, k[dims - 1]];
  const { strides, dilations, pad, groups } = p.spec;
  const attrs = { strides, dilations, pad: [pad[0][0], pad[0][1], pad[1][0], pad[1][1]], groups };
  const outC = weight.shape[0];
  const y4Shape = [xShape[0], outC, ...p.outShape.slice(p.outShape.length - dims)];
  if (dims === 1) y4Shape.splice(2, 0, 1);
  return runOp({
    name: dims === 2 ? 'Conv2d' : 'Conv1d',
    inputs,
    forward: () =>
      tf.tidy(() => {
        const x = tf.reshape(input._value, xShape);
        const w = tf.reshape(weight._value, wShape);
        const [y] = runOptionalKernel(OPTIONAL_KERNELS.conv2d, { x, filter: w, ...(bias ? { bias: bias._value } : {}) }, attrs);
        return [tf.reshape(y, p.outShape), ...(keepX ? [x] : []), ...(keepW ? [w] : [])];
      }),
    backward: (dy, saved, needs) => {
      const x = keepX ? saved[0] : null;
      const w = keepW ? saved[keepX ? 1 : 0] : null;
      const g = tf.reshape(dy, y4Shape);
      const dx = needs[0] && w ? tf.reshape(runOptionalKernel(OPTIONAL_KERNELS.conv2dBackpropInput, { dy: g, filter: w }, { ...attrs, inputShape: xShape })[0], input.shape) : null;
      let dw: TfTensor | null = null;
      let db: TfTensor | null = null;
      if (needs[1] && x) {
        const withBias = Boolean(needs[2]);
        const out = runOptionalKernel(OPTIONAL_KERNELS.conv2dBackpropFilter, { x, dy: g }, { ...attrs, filterShape: wShape, withBias });
        dw = tf.reshape(out[0], weight.shape);
        if (withBias) db = out[1];
      } else if (needs[2]) db = tf.sum(g, [0, 2, 3]);
      return [dx, dw, db];
    },
  });
}
