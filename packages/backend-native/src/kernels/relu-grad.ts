// ReLU's gradient in one pass (`DlReluGrad`), for @dl/core's backward of `relu` on this backend:
// the portable rule is three kernels (a comparison, a cast and a product), each writing a full
// array.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NativeKernelError } from '../errors';
import { floatValues, type KernelContext } from './kernel-context';
import { outputArray } from './output-pool';

/** The binary op code of ReLU's gradient in the addon (`kReluGrad`). */
const RELU_GRAD = 7;

/** The `DlReluGrad` kernel: `{ dy, x }`, both float32 of one shape -> `x > 0 ? dy : 0`. */
export function reluGradKernels(ctx: KernelContext, kernelName: string): KernelConfig[] {
  const fn = ({ inputs, backend }: { inputs: Record<string, TensorInfo>; backend: MathBackendCPU }): TensorInfo => {
    const { dy, x } = inputs;
    if (!dy || !x) throw new NativeKernelError(`${kernelName}: expected inputs 'dy' and 'x'`);
    const same = dy.shape.length === x.shape.length && dy.shape.every((d, i) => d === x.shape[i]);
    if (!same) throw new NativeKernelError(`${kernelName}: 'dy' [${dy.shape.join(', ')}] and 'x' [${x.shape.join(', ')}] must have one shape`);
    const dv = floatValues(backend, dy);
    const xv = floatValues(backend, x);
    if (!dv || !xv) throw new NativeKernelError(`${kernelName}: 'dy' and 'x' must be float32 (got ${dy.dtype} and ${x.dtype})`);
    const out = outputArray(dv.length);
    // One flat dimension with unit strides: the addon's fastest loop, split over the pool.
    if (out.length > 0) ctx.addon.binary(RELU_GRAD, dv, xv, out, Int32Array.of(out.length), Int32Array.of(1), Int32Array.of(1));
    return backend.makeTensorInfo(x.shape.slice(), 'float32', out);
  };
  return [{ kernelName, backendName: ctx.backendName, kernelFunc: fn as unknown as KernelFunc }];
}
