// @dl's fused optimizer steps (`DlSgdStep`, `DlAdamStep`): a parameter's whole update, state
// included, in one multithreaded pass of the addon instead of one tfjs op (and one full-size
// array) per arithmetic step. They exist only on this backend, so every input and attr is
// checked here and a bad one throws a NativeKernelError before the addon is called.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NativeKernelError } from '../errors';
import { type KernelArgs, type KernelContext, sizeOf } from './kernel-context';
import { DL_KERNELS } from './nchw';
import { addStepStorage, isStepStorage } from './step-storage';
import { outputArray } from './output-pool';

type Attrs = Record<string, unknown> | undefined;

function fail(kernel: string, message: string): never {
  throw new NativeKernelError(`${kernel}: ${message}`);
}

/** The float32 storage of `t`, which must have `shape` (exactly `sizeOf(shape)` values). */
function values(kernel: string, backend: MathBackendCPU, t: TensorInfo | undefined, what: string, shape: readonly number[]): Float32Array {
  if (!t) fail(kernel, `missing input '${what}'`);
  if (t.dtype !== 'float32') fail(kernel, `expected ${what} of dtype float32, got ${t.dtype}`);
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    fail(kernel, `expected ${what} of shape [${shape.join(', ')}] (the parameter's), got [${t.shape.join(', ')}]`);
  }
  const v = backend.data.get(t.dataId).values;
  const n = sizeOf(shape);
  const f = v instanceof Float32Array ? v : v instanceof Int32Array || v instanceof Uint8Array ? new Float32Array(v) : null;
  if (f === null || f.length !== n) fail(kernel, `${what} has no float32 storage of ${n} values`);
  return f;
}

function num(kernel: string, attrs: Attrs, key: string, fallback?: number): number {
  const v = attrs?.[key] ?? fallback;
  if (typeof v !== 'number') fail(kernel, `expected attr '${key}' to be a number, got ${String(v)}`);
  return v;
}

function bool(attrs: Attrs, key: string): boolean {
  return Boolean(attrs?.[key]);
}

/** Where a step's output goes: the input's own storage (in place) or a new array. */
interface Output {
  values: Float32Array;
  reuse: TensorInfo | null;
}

function output(backend: MathBackendCPU, inputs: Record<string, TensorInfo>, key: string, current: Float32Array | null, n: number, inPlace: boolean): Output {
  const input = inputs[key];
  if (inPlace && input && current && isStepStorage(current) && backend.refCount(input.dataId) === 1 && onlyOnce(inputs, input)) return { values: current, reuse: input };
  const values = outputArray(n);
  addStepStorage(values);
  return { values, reuse: null };
}

/** Whether no other input of the call is the same storage. */
function onlyOnce(inputs: Record<string, TensorInfo>, t: TensorInfo): boolean {
  let n = 0;
  for (const k in inputs) if (inputs[k].dataId === t.dataId) n++;
  return n === 1;
}

function tensorOf(backend: MathBackendCPU, o: Output, shape: readonly number[]): TensorInfo {
  if (o.reuse === null) return backend.makeTensorInfo(shape.slice(), 'float32', o.values);
  backend.incRef(o.reuse.dataId);
  return { dataId: o.reuse.dataId, shape: shape.slice(), dtype: 'float32' };
}

/** @internal The fused optimizer kernels on the native backend. */
export function optimKernels(ctx: KernelContext): KernelConfig[] {
  const { addon, backendName } = ctx;
  const kernel = (kernelName: string, fn: (args: KernelArgs) => TensorInfo[]): KernelConfig => ({
    kernelName,
    backendName,
    kernelFunc: fn as unknown as KernelFunc,
  });

  const sgd = kernel(DL_KERNELS.sgdStep, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.sgdStep;
    if (!inputs.param) fail(name, "missing input 'param'");
    const shape = inputs.param.shape;
    const param = values(name, backend, inputs.param, 'param', shape);
    const grad = values(name, backend, inputs.grad, 'grad', shape);
    const lr = num(name, attrs, 'lr');
    const momentum = num(name, attrs, 'momentum', 0);
    const dampening = num(name, attrs, 'dampening', 0);
    const weightDecay = num(name, attrs, 'weightDecay', 0);
    const nesterov = bool(attrs, 'nesterov');
    const maximize = bool(attrs, 'maximize');
    const buf = inputs.momentumBuffer && momentum !== 0 ? values(name, backend, inputs.momentumBuffer, 'momentumBuffer', shape) : null;
    const inPlace = bool(attrs, 'inPlace');
    const n = param.length;
    const outParam = output(backend, inputs, 'param', param, n, inPlace);
    const outBuf = momentum !== 0 ? output(backend, inputs, 'momentumBuffer', buf, n, inPlace) : null;
    if (n > 0) addon.sgdStep(param, grad, buf, outParam.values, outBuf ? outBuf.values : null, lr, momentum, dampening, weightDecay, nesterov, maximize);
    const out = [tensorOf(backend, outParam, shape)];
    if (outBuf) out.push(tensorOf(backend, outBuf, shape));
    return out;
  });

  const adam = kernel(DL_KERNELS.adamStep, ({ inputs, backend, attrs }) => {
    const name = DL_KERNELS.adamStep;
    if (!inputs.param) fail(name, "missing input 'param'");
    const shape = inputs.param.shape;
    const param = values(name, backend, inputs.param, 'param', shape);
    const grad = values(name, backend, inputs.grad, 'grad', shape);
    const state = (key: string) => (inputs[key] ? values(name, backend, inputs[key], key, shape) : null);
    const expAvg = state('expAvg');
    const expAvgSq = state('expAvgSq');
    const amsgrad = bool(attrs, 'amsgrad');
    const maxSq = amsgrad ? state('maxExpAvgSq') : null;
    const lr = num(name, attrs, 'lr');
    const beta1 = num(name, attrs, 'beta1');
    const beta2 = num(name, attrs, 'beta2');
    const eps = num(name, attrs, 'eps');
    const weightDecay = num(name, attrs, 'weightDecay', 0);
    const step = num(name, attrs, 'step');
    if (!Number.isInteger(step) || step < 1) fail(name, `expected attr 'step' to be an integer >= 1, got ${step}`);
    // Torch's bias corrections, in double (the caller may pass its own).
    const biasCorrection1 = num(name, attrs, 'biasCorrection1', 1 - beta1 ** step);
    const biasCorrection2Sqrt = num(name, attrs, 'biasCorrection2Sqrt', Math.sqrt(1 - beta2 ** step));
    const n = param.length;
    const inPlace = bool(attrs, 'inPlace');
    const outParam = output(backend, inputs, 'param', param, n, inPlace);
    const outExpAvg = output(backend, inputs, 'expAvg', expAvg, n, inPlace);
    const outExpAvgSq = output(backend, inputs, 'expAvgSq', expAvgSq, n, inPlace);
    const outMax = amsgrad ? output(backend, inputs, 'maxExpAvgSq', maxSq, n, inPlace) : null;
    if (n > 0) {
      addon.adamStep(param, grad, expAvg, expAvgSq, maxSq, outParam.values, outExpAvg.values, outExpAvgSq.values, outMax ? outMax.values : null,
        lr, beta1, beta2, eps, weightDecay, lr / biasCorrection1, biasCorrection2Sqrt, amsgrad, bool(attrs, 'maximize'), bool(attrs, 'decoupled'));
    }
    const out = [outParam, outExpAvg, outExpAvgSq, ...(outMax ? [outMax] : [])];
    return out.map((o) => tensorOf(backend, o, shape));
  });

  return [sgd, adam];
}
