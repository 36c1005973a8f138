import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { NativeInfo } from '../addon/native-addon';
import { loadNativeAddon } from '../addon/load-addon';
import { binaryKernels } from '../kernels/binary';
import { castKernels } from '../kernels/cast';
import { convKernels } from '../kernels/conv';
import { copyKernels } from '../kernels/copy';
import { crossEntropyKernels } from '../kernels/cross-entropy';
import type { KernelContext } from '../kernels/kernel-context';
import { matmulKernels } from '../kernels/matmul';
import { DL_KERNELS, nchwKernels } from '../kernels/nchw';
import { optimKernels } from '../kernels/optim';
import { releaseStorage } from '../kernels/output-pool';
import { reluGradKernels } from '../kernels/relu-grad';
import { poolKernels } from '../kernels/pool';
import { reduceKernels } from '../kernels/reduce';
import { softmaxKernels } from '../kernels/softmax';
import { forgetStepStorage, VIEW_KERNELS, withViewsTracked } from '../kernels/step-storage';
import { unaryKernels } from '../kernels/unary';
import type { TfjsRuntime, TypedRuntime } from './runtime';

/** The name the backend registers under by default. */
export const NATIVE_BACKEND_NAME = 'native';

/** Options of `registerNativeBackend`. */
export interface RegisterNativeBackendOptions {
  /** The backend's name in tfjs. @default 'native' */
  name?: string;
  /** tfjs's priority when it picks a backend itself (cpu is 1, wasm 2). @default 3 */
  priority?: number;
}

/** @internal Every kernel the addon runs, by group. */
export function nativeKernels(ctx: KernelContext): KernelConfig[] {
  return [
    ...matmulKernels(ctx),
    ...convKernels(ctx),
    ...poolKernels(ctx),
    ...binaryKernels(ctx),
    ...unaryKernels(ctx),
    ...reduceKernels(ctx),
    ...softmaxKernels(ctx),
    ...copyKernels(ctx),
    ...castKernels(ctx),
    ...nchwKernels(ctx),
    ...optimKernels(ctx),
    ...crossEntropyKernels(ctx),
    ...reluGradKernels(ctx, DL_KERNELS.reluGrad),
  ];
}

/**
 * Registers the native backend with a TensorFlow.js: a cpu backend (tensors stay in its typed
 * arrays, so reads copy nothing) whose hot kernels run in the addon, multithreaded; every other
 * kernel, and every case a native kernel does not take (other dtypes, NCHW), is the cpu
 * backend's. Loads the addon first and throws a `NativeBackendError` saying why if it cannot.
 * Registering twice does nothing the second time.
 *
 * @param runtime the tfjs to register into (@dl/core does this itself when the package is installed).
 * @returns what the addon reports (instruction set, threads, BLAS).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
 * registerNativeBackend({ tf, MathBackendCPU });
 * await tf.setBackend('native');
 * ```
 */
export function registerNativeBackend(runtime: TfjsRuntime, options: RegisterNativeBackendOptions = {}): NativeInfo {
  const addon = loadNativeAddon();
  const typed = runtime as unknown as TypedRuntime;
  const { tf, MathBackendCPU } = typed;
  const name = options.name ?? NATIVE_BACKEND_NAME;
  if (tf.findBackendFactory(name) != null) return addon.info();
  const natives = nativeKernels({ runtime: typed, addon, backendName: name });
  const overridden = new Set(natives.map((k) => k.kernelName));
  const register = (k: KernelConfig) => tf.registerKernel(VIEW_KERNELS.has(k.kernelName) ? withViewsTracked(k) : k);
  for (const k of tf.getKernelsForBackend('cpu')) {
    if (!overridden.has(k.kernelName)) register({ ...k, backendName: name });
  }
  for (const k of natives) register(k);
  class NativeBackend extends MathBackendCPU {
    constructor() {
      super();
      // The cpu backend's first write prints a "use tfjs-node" banner: not for this one.
      (this as unknown as { firstUse: boolean }).firstUse = false;
    }

    // A freed tensor's storage goes back to the kernels' output pool (kernels/output-pool.ts).
    // Not when forced: tfjs forces the free after moving the data to another backend, which may
    // keep the very array (the cpu backend does).
    override disposeData(dataId: object, force = false): boolean {
      // (`data.get` of an unknown id would ask the engine to move it here: check `has` first.)
      const values = !force && this.data.has(dataId) ? this.data.get(dataId).values : undefined;
      const freed = super.disposeData(dataId, force);
      if (values !== undefined && !this.data.has(dataId)) {
        if (values instanceof Float32Array) forgetStepStorage(values);
        releaseStorage(values);
      }
      return freed;
    }
  }
  tf.registerBackend(name, () => new NativeBackend(), options.priority ?? 3);
  return addon.info();
}
