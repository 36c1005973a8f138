import { ValueError } from '../errors/value-error';
import { nativeBackend } from './native-backend';
import { platform } from './platform';

/**
 * Sets how many threads the kernels use, like `torch.set_num_threads`. It applies to the native
 * backend (`@dl/backend-native`, also to the system BLAS it uses), whenever it is installed and
 * its addon loads, whichever backend is active now. TensorFlow.js's wasm and cpu backends run
 * every kernel on one thread in Node, so without the native backend this only checks `n`.
 *
 * @param n a positive integer.
 * @example
 * ```ts
 * dl.setNumThreads(1);
 * dl.getNumThreads(); // 1 with @dl/backend-native installed
 * ```
 */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new ValueError(`setNumThreads: expected a positive integer number of threads, got ${String(n)}`);
  const native = nativeBackend(() => platform.loadNativeBackend());
  if (native.status === 'ok') native.module.setNumThreads(n);
}

/**
 * The number of threads the kernels use, like `torch.get_num_threads`: the native backend's
 * (`DL_NUM_THREADS`, else `OMP_NUM_THREADS`, else the CPUs available, until `setNumThreads`),
 * or 1 without it (the wasm and cpu backends are single-threaded in Node).
 *
 * @example
 * ```ts
 * dl.getNumThreads(); // 2 on a 2-core machine with @dl/backend-native
 * ```
 */
export function getNumThreads(): number {
  const native = nativeBackend(() => platform.loadNativeBackend());
  return native.status === 'ok' ? native.module.getNumThreads() : 1;
}
