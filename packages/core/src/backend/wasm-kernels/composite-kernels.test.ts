import { getKernel, type DataType, type KernelBackend, type KernelFunc, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import { getBackend, setBackend } from '../backend';
import { tf } from '../tfjs';
import { conv2dBackpropInputVia, type Conv2dBackpropInputAttrs } from './conv2d-backprop-input';
import { compositeKernel } from './kernel-scope';
import { compositeKernels } from './register';

interface Input {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype: DataType;
}

function floats(shape: number[], seed: number): Input {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values[i] = s / 2 ** 31 - 1;
  }
  return { values, shape, dtype: 'float32' };
}

function ints(values: number[], shape: number[]): Input {
  return { values: Int32Array.from(values), shape, dtype: 'int32' };
}

/** Runs a kernel function directly on one backend and returns its output (freeing everything). */
function runOn(backendName: string, fn: KernelFunc, inputs: Record<string, Input>, attrs: object) {
  const backend = tf.findBackend(backendName) as KernelBackend;
  const before = backend.numDataIds();
  const infos: Record<string, TensorInfo> = {};
  for (const [k, v] of Object.entries(inputs)) infos[k] = { dataId: backend.write(v.values, v.shape, v.dtype), shape: v.shape, dtype: v.dtype };
  const out = fn({ inputs: infos, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
  const values = Array.from(backend.readSync(out.dataId) as Float32Array);
  const result = { shape: out.shape, dtype: out.dtype, values };
  backend.disposeData(out.dataId);
  for (const info of Object.values(infos)) backend.disposeData(info.dataId);
  // Every intermediate the kernel made is freed.
  expect(backend.numDataIds(), `${backendName}: data left behind`).toBe(before);
  return result;
}

/** Compares the wasm kernel and the composite on cpu against tfjs's own cpu kernel. */
function checkAgainstCpu(kernelName: string, inputs: Record<string, Input>, attrs: object, reference?: () => ReturnType<typeof runOn>, make?: (backendName: string) => KernelFunc) {
  const expected = reference ? reference() : runOn('cpu', getKernel(kernelName, 'cpu').kernelFunc, inputs, attrs);
  const viaCpu = runOn('cpu', make ? make('cpu') : compositeKernels('cpu')[kernelName], inputs, attrs);
  const viaWasm = runOn('wasm', make ? make('wasm') : getKernel(kernelName, 'wasm').kernelFunc, inputs, attrs);
  for (const [name, got] of [['composite on cpu', viaCpu], ['wasm kernel', viaWasm]] as const) {
    expect(got.shape, `${kernelName} ${name}: shape`).toEqual(expected.shape);
    expect(got.dtype, `${kernelName} ${name}: dtype`).toBe(expected.dtype);
    expectClose(got.values, expected.values, 1e-4, 1e-5, `${kernelName} ${name}`);
  }
}

beforeAll(async () => {
  // Both backends must be initialized to compare them; return to the one this run uses.
  const active = getBackend();
  await setBackend(active === 'wasm' ? 'cpu' : 'wasm');
  await setBackend(active);
});

describe('wasm kernel registration', () => {
  it('registers the four kernels tfjs-backend-wasm 4.22 lacks', () => {
    for (const name of ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum']) {
      expect(getKernel(name, 'wasm'), name).toBeDefined();
    }
  });
});

describe('Conv2DBackpropFilter (wasm)', () => {
  const cases: [string, number[], number[], object][] = [
    ['stride 1, same', [2, 6, 5, 3], [3, 3, 3, 4], { strides: 1, pad: 'same' }],
    ['stride 2, valid, leftover rows', [2, 8, 7, 2], [3, 2, 2, 3], { strides: [2, 2], pad: 'valid' }],
    ['stride (3, 1), explicit padding', [1, 9, 6, 2], [2, 3, 2, 2], { strides: [3, 1], pad: [[0, 0], [2, 1], [0, 2], [0, 0]] }],
    ['numeric padding, stride 2', [3, 7, 7, 1], [3, 3, 1, 5], { strides: 2, pad: 1 }],
    ['1x1 filter, stride 2', [2, 5, 5, 4], [1, 1, 4, 3], { strides: 2, pad: 'valid' }],
  ];
  for (const [title, xShape, filterShape, conf] of cases) {
    it(`matches the cpu kernel (${title})`, () => {
      const x = floats(xShape, 1);
      const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape as [number, number, number, number], (conf as { strides: number }).strides, 1, (conf as { pad: 'same' }).pad);
      const dy = floats(info.outShape, 2);
      checkAgainstCpu('Conv2DBackpropFilter', { x, dy }, { ...conf, dataFormat: 'NHWC', filterShape });
    });
  }

  it('matches the cpu kernel for channels-first data', () => {
    const x = floats([2, 3, 6, 5], 3);
    const dy = floats([2, 4, 3, 3], 4);
    checkAgainstCpu('Conv2DBackpropFilter', { x, dy }, { strides: 2, pad: 1, dataFormat: 'NCHW', filterShape: [3, 2, 3, 4] });
  });
});

describe('Conv2DBackpropInput as a forward convolution (used by conv2d on wasm)', () => {
  const make = (backendName: string) =>
    compositeKernel<Conv2dBackpropInputAttrs>(backendName, ['dy', 'filter'], (s, [dy, filter], attrs) => conv2dBackpropInputVia(s, dy, filter, attrs));
  const cases: [string, number[], number[], object][] = [
    ['stride 1, same', [2, 6, 5, 3], [3, 3, 3, 4], { strides: 1, pad: 'same' }],
    ['stride 2, valid, leftover rows', [2, 8, 7, 2], [3, 2, 2, 3], { strides: [2, 2], pad: 'valid' }],
    ['stride (3, 1), explicit padding', [1, 9, 6, 2], [2, 3, 2, 2], { strides: [3, 1], pad: [[0, 0], [2, 1], [0, 2], [0, 0]] }],
    ['padding larger than the filter', [1, 4, 4, 1], [2, 2, 1, 2], { strides: 1, pad: [[0, 0], [3, 3], [2, 2], [0, 0]] }],
  ];
  for (const [title, inputShape, filterShape, conf] of cases) {
    it(`matches the cpu kernel (${title})`, () => {
      const c = conf as { strides: number; pad: 'same' };
      const info = tf.backend_util.computeConv2DInfo(inputShape as [number, number, number, number], filterShape as [number, number, number, number], c.strides, 1, c.pad);
      const inputs = { dy: floats(info.outShape, 21), filter: floats(filterShape, 22) };
      checkAgainstCpu('Conv2DBackpropInput', inputs, { ...conf, dataFormat: 'NHWC', inputShape }, undefined, make);
    });
  }
});

describe('DepthwiseConv2dNativeBackpropFilter (wasm)', () => {
  const cases: [string, number[], number[], object][] = [
    ['multiplier 1, same', [2, 6, 6, 3], [3, 3, 3, 1], { strides: 1, pad: 'same', dilations: 1 }],
    ['multiplier 2, stride 2, explicit padding', [2, 7, 8, 2], [3, 2, 2, 2], { strides: [2, 2], pad: [[0, 0], [1, 1], [0, 1], [0, 0]], dilations: 1 }],
    ['stride (1, 3), valid', [1, 5, 9, 4], [2, 3, 4, 3], { strides: [1, 3], pad: 'valid', dilations: 1 }],
  ];
  for (const [title, xShape, filterShape, conf] of cases) {
    it(`matches the cpu kernel (${title})`, () => {
      const c = conf as { strides: number; pad: 'same'; dilations: number };
      const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape as [number, number, number, number], c.strides, c.dilations, c.pad, undefined, true);
      checkAgainstCpu('DepthwiseConv2dNativeBackpropFilter', { x: floats(xShape, 5), dy: floats(info.outShape, 6) }, { ...conf, filterShape });
    });
  }

  it('handles dilation (which the cpu kernel ignores) as the subsampled gradient of the spread filter', () => {
    const x = floats([1, 9, 8, 2], 7);
    const attrs = { strides: 1, pad: [[0, 0], [1, 1], [1, 1], [0, 0]], dilations: [2, 2], filterShape: [3, 2, 2, 2] };
    const dy = floats([1, 7, 8, 4], 8);
    checkAgainstCpu('DepthwiseConv2dNativeBackpropFilter', { x, dy }, attrs, () => {
      const dense = runOn('cpu', getKernel('DepthwiseConv2dNativeBackpropFilter', 'cpu').kernelFunc, { x, dy }, { ...attrs, dilations: 1, filterShape: [5, 3, 2, 2] });
      const values: number[] = [];
      for (let h = 0; h < 5; h += 2) for (let w = 0; w < 3; w += 2) for (let k = 0; k < 4; k++) values.push(dense.values[(h * 3 + w) * 4 + k]);
      return { shape: [3, 2, 2, 2], dtype: 'float32', values };
    });
  });
});

describe('DepthwiseConv2dNativeBackpropInput (wasm)', () => {
  const cases: [string, number[], number[], object][] = [
    ['multiplier 1, same', [2, 6, 6, 3], [3, 3, 3, 1], { strides: 1, pad: 'same', dilations: 1 }],
    ['multiplier 3, stride 2, explicit padding', [1, 7, 8, 2], [3, 2, 2, 3], { strides: [2, 2], pad: [[0, 0], [1, 1], [0, 1], [0, 0]], dilations: 1 }],
    ['stride (2, 3), valid, leftover columns', [2, 6, 10, 2], [2, 2, 2, 1], { strides: [2, 3], pad: 'valid', dilations: 1 }],
    ['large padding', [1, 4, 4, 1], [2, 2, 1, 2], { strides: 1, pad: [[0, 0], [3, 3], [2, 2], [0, 0]], dilations: 1 }],
  ];
  for (const [title, inputShape, filterShape, conf] of cases) {
    it(`matches the cpu kernel (${title})`, () => {
      const c = conf as { strides: number; pad: 'same'; dilations: number };
      const info = tf.backend_util.computeConv2DInfo(inputShape as [number, number, number, number], filterShape as [number, number, number, number], c.strides, c.dilations, c.pad, undefined, true);
      checkAgainstCpu('DepthwiseConv2dNativeBackpropInput', { dy: floats(info.outShape, 9), filter: floats(filterShape, 10) }, { ...conf, inputShape });
    });
  }

  it('handles dilation (which the cpu kernel ignores) as the gradient through the spread filter', () => {
    const filter = floats([2, 3, 2, 2], 11);
    const dy = floats([1, 6, 4, 4], 12);
    const attrs = { strides: 1, pad: [[0, 0], [1, 1], [0, 0], [0, 0]], dilations: [2, 2], inputShape: [1, 6, 8, 2] };
    checkAgainstCpu('DepthwiseConv2dNativeBackpropInput', { dy, filter }, attrs, () => {
      const spread = new Float32Array(3 * 5 * 4);
      for (let h = 0; h < 2; h++) for (let w = 0; w < 3; w++) for (let k = 0; k < 4; k++) spread[(h * 2 * 5 + w * 2) * 4 + k] = filter.values[(h * 3 + w) * 4 + k];
      return runOn('cpu', getKernel('DepthwiseConv2dNativeBackpropInput', 'cpu').kernelFunc, { dy, filter: { values: spread, shape: [3, 5, 2, 2], dtype: 'float32' } }, { ...attrs, dilations: 1 });
    });
  });
});

describe('UnsortedSegmentSum (wasm)', () => {
  it('matches the cpu kernel for rows with repeated ids', () => {
    checkAgainstCpu('UnsortedSegmentSum', { x: floats([6, 4], 13), segmentIds: ints([2, 0, 2, 5, 1, 2], [6]) }, { numSegments: 7 });
  });

  it('matches the cpu kernel for matrix rows (the gather gradient of a 3-D input)', () => {
    checkAgainstCpu('UnsortedSegmentSum', { x: floats([6, 3, 5], 14), segmentIds: ints([1, 1, 0, 3, 1, 0], [6]) }, { numSegments: 4 });
  });

  it('sums int32 values into int32 segments (the cpu kernel returns float32 there)', () => {
    const inputs = { x: ints([5, -2, 7, 1, 1], [5]), segmentIds: ints([0, 0, 2, 2, 2], [5]) };
    const expected = runOn('cpu', getKernel('UnsortedSegmentSum', 'cpu').kernelFunc, inputs, { numSegments: 3 });
    for (const got of [runOn('cpu', compositeKernels('cpu').UnsortedSegmentSum, inputs, { numSegments: 3 }), runOn('wasm', getKernel('UnsortedSegmentSum', 'wasm').kernelFunc, inputs, { numSegments: 3 })]) {
      expect(got.dtype).toBe('int32');
      expect(got.values).toEqual(expected.values);
    }
  });

  it('accepts multi-dimensional ids (TensorFlow semantics)', () => {
    const x = floats([2, 2, 3], 17);
    const out = runOn('wasm', getKernel('UnsortedSegmentSum', 'wasm').kernelFunc, { x, segmentIds: ints([1, 0, 1, 1], [2, 2]) }, { numSegments: 2 });
    const v = x.values;
    expect(out.shape).toEqual([2, 3]);
    expectClose(out.values, [v[3], v[4], v[5], v[0] + v[6] + v[9], v[1] + v[7] + v[10], v[2] + v[8] + v[11]], 1e-6, 1e-6, 'segment sums');
  });

  it('drops ids outside [0, numSegments) instead of writing out of bounds', () => {
    const x = floats([5, 2], 15);
    const out = runOn('wasm', getKernel('UnsortedSegmentSum', 'wasm').kernelFunc, { x, segmentIds: ints([-1, 1, 3, 9, 1], [5]) }, { numSegments: 3 });
    expect(out.shape).toEqual([3, 2]);
    const v = x.values;
    expectClose(out.values, [0, 0, v[2] + v[8], v[3] + v[9], 0, 0], 1e-6, 1e-6, 'segment sums');
  });

  it('returns zeros for empty ids', () => {
    const out = runOn('wasm', getKernel('UnsortedSegmentSum', 'wasm').kernelFunc, { x: floats([0, 3], 16), segmentIds: ints([], [0]) }, { numSegments: 2 });
    expect(out.shape).toEqual([2, 3]);
    expect(out.values).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
