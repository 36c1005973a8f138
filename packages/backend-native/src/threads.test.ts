import { describe, expect, it } from 'vitest';
import { nativeUnavailable, skipReason, tf } from '../test/support/backends';
import { getNumThreads, NATIVE_BACKEND_NAME, NativeBackendError, nativeInfo, registerNativeBackend, setBlas, setNumThreads } from './index';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

describe.skipIf(nativeUnavailable)(`threads, BLAS and the backend's registration${skipReason}`, () => {
  it('sets and reports the thread count, and rejects what is not a positive integer', () => {
    const before = getNumThreads();
    try {
      setNumThreads(1);
      expect(getNumThreads()).toBe(1);
      setNumThreads(5);
      expect(nativeInfo().threads).toBe(5);
      for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => setNumThreads(bad)).toThrow(NativeBackendError);
      expect(() => setNumThreads(0)).toThrow('setNumThreads: expected a positive integer, got 0');
    } finally {
      setNumThreads(before);
    }
  });

  it('reports its instruction set, GEMM kernel and default threads', () => {
    const info = nativeInfo();
    expect(['avx512', 'avx2', 'generic']).toContain(info.isa);
    expect(info.gemmKernel).toMatch(/^(avx512f 12x32|avx2\+fma 6x16|generic 4x16)$/);
    expect(info.defaultThreads).toBeGreaterThanOrEqual(1);
  });

  it('switches between the built-in GEMM and a system BLAS, and says why a library cannot be used', () => {
    try {
      expect(setBlas('builtin').blas).toBeNull();
      expect(() => setBlas('/no/such/libblas.so')).toThrow(NativeBackendError);
      expect(() => setBlas('/no/such/libblas.so')).toThrow(/^setBlas: cannot use "\/no\/such\/libblas.so": .*no\/such\/libblas.so/);
      expect(() => setBlas('')).toThrow(`setBlas: expected 'auto', 'builtin' or a library path, got ""`);
    } finally {
      setBlas('auto');
    }
  });

  it('registers once under its name, and its tensors are the cpu store\'s arrays (reads copy nothing)', async () => {
    expect(tf.findBackendFactory(NATIVE_BACKEND_NAME)).not.toBeNull();
    registerNativeBackend({ tf, MathBackendCPU });
    await tf.setBackend('native');
    const t = tf.tensor([1, 2, 3]);
    const backend = tf.backend() as MathBackendCPU;
    expect(t.dataSync()).toBe(backend.data.get(t.dataId).values);
    expect(tf.getKernel('Add', 'native')).toBeDefined();
    expect(tf.getKernel('Cumsum', 'native')?.kernelFunc).toBe(tf.getKernel('Cumsum', 'cpu')?.kernelFunc);
    t.dispose();
  });
});
