// Raw 2-D convolution primitives on TensorFlow.js values, in tfjs's layout (NHWC inputs, HWIO
// filters holding each group's input channels: [kH, kW, in / groups, out]). The functional ops
// transpose PyTorch's layout into this one and back; every backward goes through these three.
import { tf, type TfTensor } from '../../backend/tfjs';

/** @internal Geometry of one 2-D convolution in tfjs terms. */
export interface Conv2dSpec {
  strides: [number, number];
  dilations: [number, number];
  /** `[[top, bottom], [left, right]]`. */
  pad: [[number, number], [number, number]];
  groups: number;
}

const ENGINE = tf.engine();
type Explicit = [[number, number], [number, number], [number, number], [number, number]];

function explicitPad(spec: Conv2dSpec): Explicit {
  return [[0, 0], spec.pad[0], spec.pad[1], [0, 0]];
}

function run(kernel: string, inputs: Record<string, TfTensor>, attrs: object): TfTensor {
  return ENGINE.runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap) as TfTensor;
}

function isDilated(spec: Conv2dSpec): boolean {
  return spec.dilations[0] !== 1 || spec.dilations[1] !== 1;
}

/**
 * tfjs's depthwise kernel serves `groups == in channels` (PyTorch's depthwise convolution, with
 * `out / in` as channel multiplier: out channel `c * M + m` reads input channel `c`, as in
 * PyTorch).
 */
function isDepthwise(inChannels: number, spec: Conv2dSpec): boolean {
  return spec.groups > 1 && spec.groups === inChannels;
}

/**
 * @internal Spreads a filter's taps `dilation` apart with zeros between them, so dilated
 * convolutions can use kernels that take no dilation (tfjs's backprop kernels).
 */
export function dilateFilter(w: TfTensor, dilations: readonly [number, number]): TfTensor {
  const [dh, dw] = dilations;
  if (dh === 1 && dw === 1) return w;
  return tf.tidy(() => {
    const [kh, kw, i, o] = w.shape;
    const spread = tf.pad(tf.reshape(w, [kh, 1, kw, 1, i, o]), [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
    const full = tf.reshape(spread, [kh * dh, kw * dw, i, o]);
    return tf.slice(full, [0, 0, 0, 0], [(kh - 1) * dh + 1, (kw - 1) * dw + 1, i, o]);
  });
}

function undilated(spec: Conv2dSpec): Conv2dSpec {
  return { ...spec, dilations: [1, 1] };
}

function convAttrs(spec: Conv2dSpec) {
  return { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC', dilations: spec.dilations };
}

function perGroup(parts: number, fn: (g: number) => TfTensor): TfTensor {
  const outs: TfTensor[] = [];
  for (let g = 0; g < parts; g++) outs.push(fn(g));
  return tf.concat(outs, 3);
}

/**
 * @internal The forward convolution `x [N, H, W, C] * w [kH, kW, C / groups, O] -> [N, OH, OW, O]`,
 * plus `bias [O]` when given.
 */
export function convForward(x: TfTensor, w: TfTensor, spec: Conv2dSpec, bias: TfTensor | null): TfTensor {
  return tf.tidy(() => {
    const inC = x.shape[3];
    const outC = w.shape[3];
    if (spec.groups === 1) {
      if (bias) return run('FusedConv2D', { x, filter: w, bias }, { ...convAttrs(spec), activation: 'linear' });
      return run('Conv2D', { x, filter: w }, convAttrs(spec));
    }
    if (isDepthwise(inC, spec)) {
      // tfjs's depthwise kernels take strides or dilations above 1, not both: spread the taps.
      const both = isDilated(spec) && (spec.strides[0] !== 1 || spec.strides[1] !== 1);
      const filt = both ? dilateFilter(w, spec.dilations) : w;
      const s = both ? undilated(spec) : spec;
      const dwFilter = tf.reshape(filt, [filt.shape[0], filt.shape[1], inC, outC / inC]);
      const attrs = convAttrs(s);
      if (bias) return run('FusedDepthwiseConv2D', { x, filter: dwFilter, bias }, { ...attrs, activation: 'linear' });
      return run('DepthwiseConv2dNative', { x, filter: dwFilter }, attrs);
    }
    const g = spec.groups;
    const xs = tf.split(x, g, 3);
    const ws = tf.split(w, g, 3);
    const y = perGroup(g, (i) => run('Conv2D', { x: xs[i], filter: ws[i] }, convAttrs(spec)));
    return bias ? tf.add(y, bias) : y;
  });
}

/** @internal The gradient of `convForward` with respect to `x` (of shape `inputShape`). */
export function convBackpropInput(dy: TfTensor, w: TfTensor, spec: Conv2dSpec, inputShape: readonly number[]): TfTensor {
  return tf.tidy(() => {
    const inC = inputShape[3];
    const outC = w.shape[3];
    const filt = dilateFilter(w, spec.dilations);
    const attrs = { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC', dilations: [1, 1] };
    if (spec.groups === 1) return run('Conv2DBackpropInput', { dy, filter: filt }, { ...attrs, inputShape });
    if (isDepthwise(inC, spec)) {
      const dwFilter = tf.reshape(filt, [filt.shape[0], filt.shape[1], inC, outC / inC]);
      return run('DepthwiseConv2dNativeBackpropInput', { dy, filter: dwFilter }, { ...attrs, inputShape });
    }
    const g = spec.groups;
    const dys = tf.split(dy, g, 3);
    const ws = tf.split(filt, g, 3);
    const shape = [inputShape[0], inputShape[1], inputShape[2], inC / g];
    return perGroup(g, (i) => run('Conv2DBackpropInput', { dy: dys[i], filter: ws[i] }, { ...attrs, inputShape: shape }));
  });
}

/** @internal The gradient of `convForward` with respect to `w` (of shape `filterShape`). */
export function convBackpropFilter(x: TfTensor, dy: TfTensor, spec: Conv2dSpec, filterShape: readonly number[]): TfTensor {
  return tf.tidy(() => {
    const inC = x.shape[3];
    const [kh, kw, inPerGroup, outC] = filterShape;
    const [dh, dw] = spec.dilations;
    const effH = (kh - 1) * dh + 1;
    const effW = (kw - 1) * dw + 1;
    const attrs = { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC', dilations: [1, 1] };
    let grad: TfTensor;
    if (spec.groups === 1) {
      grad = run('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [effH, effW, inPerGroup, outC] });
    } else if (isDepthwise(inC, spec)) {
      const m = outC / inC;
      const dwGrad = run('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: [effH, effW, inC, m] });
      grad = tf.reshape(dwGrad, [effH, effW, 1, outC]);
    } else {
      const g = spec.groups;
      const xs = tf.split(x, g, 3);
      const dys = tf.split(dy, g, 3);
      const shape = [effH, effW, inPerGroup, outC / g];
      grad = perGroup(g, (i) => run('Conv2DBackpropFilter', { x: xs[i], dy: dys[i] }, { ...attrs, filterShape: shape }));
    }
    if (dh === 1 && dw === 1) return grad;
    // Keep the taps the dilated filter really has.
    return tf.stridedSlice(grad, [0, 0, 0, 0], [effH, effW, inPerGroup, outC], [dh, dw, 1, 1]);
  });
}
