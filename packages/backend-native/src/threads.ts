import type { NativeInfo } from './addon/native-addon';
import { loadNativeAddon } from './addon/load-addon';
import { NativeBackendError } from './errors';

/**
 * Sets how many threads the native kernels use (the calling thread included), like
 * `torch.set_num_threads`; a loaded system BLAS is told the same.
 *
 * @param n a positive integer.
 * @example
 * ```ts
 * setNumThreads(1); // single-threaded kernels
 * ```
 */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new NativeBackendError(`setNumThreads: expected a positive integer, got ${String(n)}`);
  loadNativeAddon().setNumThreads(n);
}

/**
 * The number of threads the native kernels use: `DL_NUM_THREADS`, else `OMP_NUM_THREADS`, else
 * the CPUs this process may run on, until `setNumThreads` changes it.
 *
 * @example
 * ```ts
 * getNumThreads(); // 2 on a 2-core machine
 * ```
 */
export function getNumThreads(): number {
  return loadNativeAddon().info().threads;
}

/**
 * What the addon runs with: instruction set, GEMM micro-kernel, threads, and the system BLAS.
 *
 * @example
 * ```ts
 * nativeInfo(); // { isa: 'avx2', gemmKernel: 'avx2+fma 6x16', threads: 2, blas: 'libopenblas.so.0', ... }
 * ```
 */
export function nativeInfo(): NativeInfo {
  return loadNativeAddon().info();
}

/**
 * Chooses the GEMM used for large products: `'auto'` (search for an optimised system BLAS, the
 * default; `DL_NATIVE_BLAS` sets the initial choice), `'builtin'` (never a system BLAS), or a
 * library path for dlopen (`'/usr/lib/x86_64-linux-gnu/libopenblas.so.0'`).
 *
 * @example
 * ```ts
 * setBlas('builtin');
 * ```
 */
export function setBlas(choice: 'auto' | 'builtin' | (string & {})): NativeInfo {
  if (typeof choice !== 'string' || choice === '') throw new NativeBackendError(`setBlas: expected 'auto', 'builtin' or a library path, got ${JSON.stringify(choice)}`);
  const addon = loadNativeAddon();
  const error = addon.setBlas(choice);
  if (error !== null) throw new NativeBackendError(`setBlas: cannot use ${JSON.stringify(choice)}: ${error}`);
  return addon.info();
}
