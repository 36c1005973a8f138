// @dl's fused softmax cross entropy (`DlSoftmaxCrossEntropy` and its gradient): log-softmax over
// the class axis and the negative log likelihood of class-index targets in one pass of the addon,
// where the portable path runs a dozen tfjs kernels. @dl/core folds PyTorch's weighting,
// ignoreIndex, label smoothing and 'mean' normaliser into two coefficients per position (`coef`,
// see src/native/loss.h). The kernels exist only on this backend, so every input is checked here
// and a bad one throws a NativeKernelError before the addon is called.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NativeKernelError } from '../errors';
import { floatValues, type KernelArgs, type KernelContext, sizeOf } from './kernel-context';
import { DL_KERNELS } from './nchw';
import { outputArray } from './output-pool';

function fail(kernel: string, message: string): never {
  throw new NativeKernelError(`${kernel}: ${message}`);
}

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/** The [outer, classes, inner] layout of (C) or (N, C, d1, ...) logits, and the shape of per-position values. */
function layoutOf(kernel: string, shape: readonly number[]): { outer: number; classes: number; inner: number; positions: number[] } {
  if (shape.length === 0) fail(kernel, 'expected logits of shape (C), (N, C) or (N, C, d1, ...), got []');
  if (shape.length === 1) {
    if (shape[0] === 0) fail(kernel, 'expected at least one class');
    return { outer: 1, classes: shape[0], inner: 1, positions: [] };
  }
  if (shape[1] === 0) fail(kernel, 'expected at least one class');
  return { outer: shape[0], classes: shape[1], inner: sizeOf(shape.slice(2)), positions: [shape[0], ...shape.slice(2)] };
}

function storage(kernel: string, backend: MathBackendCPU, t: TensorInfo | undefined, what: string, size: number): Float32Array {
  if (!t) fail(kernel, `missing input '${what}'`);
  if (t.dtype !== 'float32') fail(kernel, `expected ${what} of dtype float32, got ${t.dtype}`);
  if (sizeOf(t.shape) !== size) fail(kernel, `expected ${what} of ${size} values, got shape ${fmt(t.shape)}`);
  return floatValues(backend, t) ?? fail(kernel, `${what} has no float32 storage`);
}

interface Common {
  outer: number;
  classes: number;
  inner: number;
  positions: number[];
  target: Int32Array;
  coef: Float32Array;
  weight: Float32Array | null;
}

function common(kernel: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> | undefined, logitsName: string): Common {
  const logits = inputs[logitsName];
  if (!logits) fail(kernel, `missing input '${logitsName}'`);
  const l = layoutOf(kernel, logits.shape);
  const p = l.outer * l.inner;
  const target = attrs?.target;
  const coef = attrs?.coef;
  if (!(target instanceof Int32Array) || target.length !== p) fail(kernel, `expected attr 'target' to be an Int32Array of ${p} class indices (one per position)`);
  if (!(coef instanceof Float32Array) || coef.length !== 2 * p) fail(kernel, `expected attr 'coef' to be a Float32Array of ${2 * p} coefficients (a, then b)`);
  const weight = attrs?.weight ?? null;
  if (weight !== null && (!(weight instanceof Float32Array) || weight.length !== l.classes)) fail(kernel, `expected attr 'weight' to be null or a Float32Array of ${l.classes} class weights`);
  return { ...l, target, coef, weight };
}

/**
 * @internal The kernels:
 * - `DlSoftmaxCrossEntropy`: `{ logits (C) | (N, C, ...) }`, attrs `{ target: Int32Array (one
 *   class per position), coef: Float32Array (a for each position, then b), weight: Float32Array
 *   [C] | null, reduce }` -> `[loss, logp]`: the summed loss (a scalar) when `reduce`, else one
 *   per position (the logits' shape without C), and the log-probabilities.
 * - `DlSoftmaxCrossEntropyGrad`: `{ logp, dy }` (dy a scalar or one per position), the same
 *   attrs -> the gradient with respect to the logits.
 */
export function crossEntropyKernels(ctx: KernelContext): KernelConfig[] {
  const { addon, backendName } = ctx;
  const forward = ({ inputs, backend, attrs }: KernelArgs): TensorInfo[] => {
    const kernel = DL_KERNELS.softmaxCrossEntropy;
    const c = common(kernel, inputs, attrs, 'logits');
    const logits = storage(kernel, backend, inputs.logits, 'logits', c.outer * c.classes * c.inner);
    const logp = outputArray(logits.length);
    const loss = new Float32Array(c.outer * c.inner);
    const total = addon.crossEntropy(logits, c.target, c.coef, c.weight, logp, loss, c.outer, c.classes, c.inner);
    const out = attrs?.reduce ? backend.makeTensorInfo([], 'float32', Float32Array.of(total)) : backend.makeTensorInfo(c.positions, 'float32', loss);
    return [out, backend.makeTensorInfo(inputs.logits.shape.slice(), 'float32', logp)];
  };
  const grad = ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const kernel = DL_KERNELS.softmaxCrossEntropyGrad;
    const c = common(kernel, inputs, attrs, 'logp');
    const n = c.outer * c.classes * c.inner;
    const logp = storage(kernel, backend, inputs.logp, 'logp', n);
    const dyInfo = inputs.dy;
    if (!dyInfo) fail(kernel, "missing input 'dy'");
    const p = c.outer * c.inner;
    const dySize = sizeOf(dyInfo.shape);
    if (dySize !== 1 && dySize !== p) fail(kernel, `expected dy of one value or ${p} (one per position), got shape ${fmt(dyInfo.shape)}`);
    const dy = storage(kernel, backend, dyInfo, 'dy', dySize);
    const dx = outputArray(n);
    addon.crossEntropyGrad(logp, c.target, c.coef, c.weight, dy, dx, c.outer, c.classes, c.inner);
    return backend.makeTensorInfo(inputs.logp.shape.slice(), 'float32', dx);
  };
  return [
    { kernelName: DL_KERNELS.softmaxCrossEntropy, backendName, kernelFunc: forward as unknown as KernelFunc },
    { kernelName: DL_KERNELS.softmaxCrossEntropyGrad, backendName, kernelFunc: grad as unknown as KernelFunc },
  ];
}
