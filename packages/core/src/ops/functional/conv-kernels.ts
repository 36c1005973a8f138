// Raw 2-D convolution primitives on TensorFlow.js values, in tfjs's layout (NHWC inputs, HWIO
// filters holding each group's input channels: [kH, kW, in / groups, out]). The functional ops
// transpose PyTorch's layout into this one and back; every backward goes through these three.
import { tf, type TfTensor } from '../../backend/tfjs';
import { conv2dBackpropFilterVia } from '../../backend/wasm-kernels/conv2d-backprop-filter';
import { conv2dBackpropInputVia } from '../../backend/wasm-kernels/conv2d-backprop-input';
import { depthwiseBackpropFilterVia } from '../../backend/wasm-kernels/depthwise-conv2d-backprop-filter';
import { depthwiseBackpropInputVia } from '../../backend/wasm-kernels/depthwise-conv2d-backprop-input';
import { engineRunner } from '../../backend/wasm-kernels/engine-runner';

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
type Shape4 = [number, number, number, number];

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
    const [kh, kw, i, o] = w.shape as Shape4;
    const spread = tf.pad(tf.reshape(w, [kh, 1, kw, 1, i, o]), [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
    const full = tf.reshape(spread, [kh * dh, kw * dw, i, o]);
    return tf.slice(full, [0, 0, 0, 0], [(kh - 1) * dh + 1, (kw - 1) * dw + 1, i, o]);
  });
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
    const inC = (x.shape as Shape4)[3];
    const outC = (w.shape as Shape4)[3];
    if (spec.groups === 1) {
      if (bias) return run('FusedConv2D', { x, filter: w, bias }, { ...convAttrs(spec), activation: 'linear' });
      return run('Conv2D', { x, filter: w }, convAttrs(spec));
    }
    if (isDepthwise(inC, spec)) {
      // tfjs's depthwise kernels take strides or dilations above 1, not both: spread the taps.
      const both = isDilated(spec) && (spec.strides[0] !== 1 || spec.strides[1] !== 1);
      const filt = both ? dilateFilter(w, spec.dilations) : w;
      const s: Conv2dSpec = both ? { ...spec, dilations: [1, 1] } : spec;
      const [fh, fw] = filt.shape as Shape4;
      const dwFilter = tf.reshape(filt, [fh, fw, inC, outC / inC]);
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

/** @internal Which implementation the convolution gradients use (tests pin one). */
export type BackpropMode = 'auto' | 'native' | 'composite';
let backpropMode: BackpropMode = 'auto';

/** @internal Pins the gradient implementation (for tests); returns the previous mode. */
export function setConvBackpropMode(mode: BackpropMode): BackpropMode {
  const prev = backpropMode;
  backpropMode = mode;
  return prev;
}

/**
 * Measured on tfjs 4.22: the cpu backend's `Conv2DBackpropFilter` is 50-100x slower than a
 * forward convolution, and the wasm backend's `Conv2DBackpropInput` several times slower (and
 * its filter gradients missing), while the composites cost about one forward convolution.
 * Native backends (tfjs-node, webgl) keep their own kernels.
 */
function composite(which: 'input' | 'filter'): boolean {
  if (backpropMode !== 'auto') return backpropMode === 'composite';
  const backend = tf.getBackend();
  return backend === 'wasm' || (which === 'filter' && backend === 'cpu');
}

function nhwcAttrs(spec: Conv2dSpec) {
  return { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC' as const, dilations: spec.dilations };
}

function denseInputGrad(dy: TfTensor, w: TfTensor, spec: Conv2dSpec, inputShape: number[]): TfTensor {
  if (composite('input')) return conv2dBackpropInputVia(engineRunner, dy, w, { ...nhwcAttrs(spec), inputShape: inputShape as Shape4 }) as TfTensor;
  const attrs = { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC', inputShape };
  return run('Conv2DBackpropInput', { dy, filter: dilateFilter(w, spec.dilations) }, attrs);
}

function denseFilterGrad(x: TfTensor, dy: TfTensor, spec: Conv2dSpec, filterShape: number[]): TfTensor {
  if (composite('filter')) return conv2dBackpropFilterVia(engineRunner, x, dy, { ...nhwcAttrs(spec), filterShape: filterShape as Shape4 }) as TfTensor;
  return nativeDilated(filterShape, spec, (eff) => run('Conv2DBackpropFilter', { x, dy }, { strides: spec.strides, pad: explicitPad(spec), dataFormat: 'NHWC', filterShape: eff }));
}

/** tfjs's backprop kernels take no dilation: get the dense gradient of the spread filter and keep its taps. */
function nativeDilated(filterShape: number[], spec: Conv2dSpec, grad: (effShape: number[]) => TfTensor): TfTensor {
  const [kh, kw, i, o] = filterShape as Shape4;
  const [dh, dw] = spec.dilations;
  const eff = [(kh - 1) * dh + 1, (kw - 1) * dw + 1, i, o];
  const g = grad(eff);
  if (dh === 1 && dw === 1) return g;
  return tf.stridedSlice(g, [0, 0, 0, 0], eff, [dh, dw, 1, 1]);
}

/** @internal The gradient of `convForward` with respect to `x` (of shape `inputShape`). */
export function convBackpropInput(dy: TfTensor, w: TfTensor, spec: Conv2dSpec, inputShape: readonly number[]): TfTensor {
  return tf.tidy(() => {
    const inC = inputShape[3]!;
    const outC = (w.shape as Shape4)[3];
    const shape = Array.from(inputShape);
    if (spec.groups === 1) return denseInputGrad(dy, w, spec, shape);
    if (isDepthwise(inC, spec)) {
      const [kh, kw] = w.shape as Shape4;
      const dwFilter = tf.reshape(w, [kh, kw, inC, outC / inC]);
      if (composite('input')) return depthwiseBackpropInputVia(engineRunner, dy, dwFilter, { ...nhwcAttrs(spec), inputShape: shape as Shape4 }) as TfTensor;
      const spreadFilter = tf.reshape(dilateFilter(w, spec.dilations), [(kh - 1) * spec.dilations[0] + 1, (kw - 1) * spec.dilations[1] + 1, inC, outC / inC]);
      return run('DepthwiseConv2dNativeBackpropInput', { dy, filter: spreadFilter }, { ...nhwcAttrs(spec), dilations: [1, 1], inputShape: shape });
    }
    const g = spec.groups;
    const dys = tf.split(dy, g, 3);
    const ws = tf.split(w, g, 3);
    const groupShape = [shape[0]!, shape[1]!, shape[2]!, inC / g];
    return perGroup(g, (i) => denseInputGrad(dys[i], ws[i], spec, groupShape));
  });
}

/** @internal The gradient of `convForward` with respect to `w` (of shape `filterShape`). */
export function convBackpropFilter(x: TfTensor, dy: TfTensor, spec: Conv2dSpec, filterShape: readonly number[]): TfTensor {
  return tf.tidy(() => {
    const inC = (x.shape as Shape4)[3];
    const [kh, kw, inPerGroup, outC] = filterShape as Shape4;
    if (spec.groups === 1) return denseFilterGrad(x, dy, spec, Array.from(filterShape));
    if (isDepthwise(inC, spec)) {
      const m = outC / inC;
      const dwShape = [kh, kw, inC, m];
      const dwGrad = composite('filter')
        ? (depthwiseBackpropFilterVia(engineRunner, x, dy, { ...nhwcAttrs(spec), filterShape: dwShape as Shape4 }) as TfTensor)
        : nativeDilated(dwShape, spec, (eff) => run('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...nhwcAttrs(spec), dilations: [1, 1], filterShape: eff }));
      return tf.reshape(dwGrad, [kh, kw, 1, outC]);
    }
    const g = spec.groups;
    const xs = tf.split(x, g, 3);
    const dys = tf.split(dy, g, 3);
    const groupShape = [kh, kw, inPerGroup, outC / g];
    return perGroup(g, (i) => denseFilterGrad(xs[i], dys[i], spec, groupShape));
  });
}
