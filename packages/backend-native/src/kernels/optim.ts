// @dl's fused optimizer steps (`DlSgdStep`, `DlAdamStep`): a parameter's whole update, state
// included, in one multithreaded pass of the addon instead of one tfjs op (and one full-size
// array) per arithmetic step. They exist only on this backend, so every input and attr is
// checked here and a bad one throws a NativeKernelError before the addon is called.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NativeKernelError } from '../errors';
import { type KernelArgs, type KernelContext, sizeOf } from './kernel-context';
import { DL_KERNELS } from './nchw';

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
    const outParam = new Float32Array(param.length);
    const outBuf = momentum !== 0 ? new Float32Array(param.length) : null;
    if (param.length > 0) addon.sgdStep(param, grad, buf, outParam, outBuf, lr, momentum, dampening, weightDecay, nesterov, maximize);
    const out = [backend.makeTensorInfo(shape.slice(), 'float32', outParam)];
    if (outBuf) out.push(backend.makeTensorInfo(shape.slice(), 'float32', outBuf));
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
    const outParam = new Float32Array(n);
    const outExpAvg = new Float32Array(n);
    const outExpAvgSq = new Float32Array(n);
    const outMax = amsgrad ? new Float32Array(n) : null;
    if (n > 0) {
      addon.adamStep(param, grad, expAvg, expAvgSq, maxSq, outParam, outExpAvg, outExpAvgSq, outMax, lr, beta1, beta2, eps, weightDecay,
        lr / biasCorrection1, biasCorrection2Sqrt, amsgrad, bool(attrs, 'maximize'), bool(attrs, 'decoupled'));
    }
    const out = [outParam, outExpAvg, outExpAvgSq, ...(outMax ? [outMax] : [])];
    return out.map((v) => backend.makeTensorInfo(shape.slice(), 'float32', v));
  });

  return [sgd, adam];
}
