import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { convBackpropFilter, convBackpropInput, convForward, type Conv2dSpec } from './conv-kernels';
import { expandInts, fmtShape, type IntOrTuple } from './conv-geometry';
import { emptyResult } from './empty-result';
import { checkBias, checkConvInput, checkFloat, checkGroups, layout, spatialOf } from './conv-nd';

/** Options of `convTranspose1d` and `convTranspose2d` (PyTorch's keyword arguments). */
export interface ConvTransposeOptions {
  /** Stride of the convolution this op is the gradient of. @default 1 */
  stride?: IntOrTuple;
  /** `dilation * (kernel - 1) - padding` zeros of implicit padding on both sides. @default 0 */
  padding?: IntOrTuple;
  /** Extra size added on one side of the output (must be smaller than stride or dilation). @default 0 */
  outputPadding?: IntOrTuple;
  /** Blocked connections from input to output channels. @default 1 */
  groups?: number;
  /** Spacing between kernel taps. @default 1 */
  dilation?: IntOrTuple;
}

/** Pads (positive) or crops (negative) dims 1 and 2 of an NHWC value. */
function padOrCrop(x: TfTensor, h: [number, number], w: [number, number]): TfTensor {
  const [n, H, W, c] = x.shape;
  const cut = (a: number) => Math.max(0, -a);
  let t = x;
  if (h[0] < 0 || h[1] < 0 || w[0] < 0 || w[1] < 0) {
    t = tf.slice(t, [0, cut(h[0]), cut(w[0]), 0], [n, H - cut(h[0]) - cut(h[1]), W - cut(w[0]) - cut(w[1]), c]);
  }
  const grow = (a: number) => Math.max(0, a);
  if (h[0] > 0 || h[1] > 0 || w[0] > 0 || w[1] > 0) {
    t = tf.pad(t, [[0, 0], [grow(h[0]), grow(h[1])], [grow(w[0]), grow(w[1])], [0, 0]]);
  }
  return t;
}

/**
 * @internal The one implementation behind `convTranspose1d` and `convTranspose2d`: the adjoint of
 * a convolution (from the output's space to the input's) computed without padding on the full
 * frame `(in - 1) * stride + dilation * (k - 1) + 1`, then cropped by `padding` and extended by
 * `outputPadding`.
 */
export function convTransposeNd(op: 'convTranspose1d' | 'convTranspose2d', dims: 1 | 2, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, options: ConvTransposeOptions): Tensor {
  checkFloat(input, 'input', op);
  checkFloat(weight, 'weight', op);
  const batched = checkConvInput(input, dims, op);
  const kernelNames = dims === 2 ? 'kH, kW' : 'kW';
  if (weight.dim() !== dims + 2) {
    throw new ShapeError(`${op}: expected ${dims + 2}D weight [in_channels, out_channels / groups, ${kernelNames}], but got weight of size ${fmtShape(weight.shape)}`);
  }
  const groups = checkGroups(options.groups ?? 1, op);
  const [inC, outPerGroup] = weight.shape;
  const channels = input.shape[batched ? 1 : 0];
  if (channels !== inC) {
    throw new ShapeError(`${op}: given transposed weight of size ${fmtShape(weight.shape)}, expected input ${fmtShape(input.shape)} to have ${inC} channels, but got ${channels} channels instead`);
  }
  if (inC % groups !== 0) {
    throw new ShapeError(`${op}: given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${fmtShape(weight.shape)}`);
  }
  const outC = outPerGroup * groups;
  checkBias(bias, outC, op);
  const kernel = weight.shape.slice(2);
  const stride = expandInts(options.stride ?? 1, dims, 'stride', op, 1);
  const padding = expandInts(options.padding ?? 0, dims, 'padding', op, 0);
  const outPad = expandInts(options.outputPadding ?? 0, dims, 'outputPadding', op, 0);
  const dilation = expandInts(options.dilation ?? 1, dims, 'dilation', op, 1);
  for (let i = 0; i < dims; i++) {
    if (outPad[i] >= stride[i] && outPad[i] >= dilation[i]) {
      throw new ValueError(
        `${op}: outputPadding must be smaller than either stride or dilation, but got outputPadding ${fmtShape(outPad)}, stride ${fmtShape(stride)}, dilation ${fmtShape(dilation)}`,
      );
    }
  }
  const spatial = spatialOf(input, batched);
  const full = spatial.map((s, i) => (s - 1) * stride[i] + dilation[i] * (kernel[i] - 1) + 1);
  const outSize = full.map((f, i) => f - 2 * padding[i] + outPad[i]);
  if (outSize.some((o) => o < 1)) {
    throw new ShapeError(`${op}: calculated output size (${outSize.join(' x ')}) is too small for input ${fmtShape(input.shape)} (padding ${fmtShape(padding)})`);
  }

  const name = dims === 2 ? 'ConvTranspose2d' : 'ConvTranspose1d';
  if (input.numel() === 0 || weight.numel() === 0) {
    return emptyResult(name, [input, weight], [...(batched ? [input.shape[0]] : []), outC, ...outSize], bias ?? null, batched ? 1 : 0);
  }
  const p = { batched, dims };
  const pair = <T>(v: T[], fill: T): [T, T] => (dims === 2 ? [v[0], v[1]] : [fill, v[0]]);
  const spec: Conv2dSpec = { strides: pair(stride, 1), dilations: pair(dilation, 1), pad: [[0, 0], [0, 0]], groups };
  const [fullH, fullW] = pair(full, 1);
  const [padH, padW] = pair(padding, 0);
  const [opH, opW] = pair(outPad, 0);
  // From the full frame to the output: crop `padding` before, `padding - outputPadding` after.
  const crop = (t: TfTensor) => padOrCrop(t, [-padH, opH - padH], [-padW, opW - padW]);
  const uncrop = (t: TfTensor) => padOrCrop(t, [padH, padH - opH], [padW, padW - opW]);
  const n = batched ? input.shape[0] : 1;
  const fullShape = [n, fullH, fullW, outC];
  const k = weight.shape.slice(2);
  const wShape = [dims === 2 ? k[0] : 1, k[dims - 1], outPerGroup, inC];
  const keepX = weight.requiresGrad;
  const keepW = input.requiresGrad;
  return runOp({
    name,
    inputs: bias ? [input, weight, bias] : [input, weight],
    forward: () =>
      tf.tidy(() => {
        const x = layout.toNHWC(input._value, p);
        const w = layout.toHWIO(weight._value, dims);
        let y = crop(convBackpropInput(x, w, spec, fullShape));
        if (bias) y = tf.add(y, bias._value);
        return [layout.fromNHWC(y, p), ...(keepX ? [x] : []), ...(keepW ? [w] : [])];
      }),
    backward: (dy, saved, needs) => {
      const x = keepX ? saved[0] : null;
      const w = keepW ? saved[keepX ? 1 : 0] : null;
      const g = layout.toNHWC(dy, p);
      const gFull = needs[0] || needs[1] ? uncrop(g) : null;
      const dx = needs[0] && w && gFull ? layout.fromNHWC(convForward(gFull, w, spec, null), p) : null;
      const dw = needs[1] && x && gFull ? layout.fromHWIO(convBackpropFilter(gFull, x, spec, wShape), dims) : null;
      const db = needs[2] ? tf.sum(g, [0, 1, 2]) : null;
      return [dx, dw, db];
    },
  });
}
