import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors/backend-error';
import { ValueError } from '../errors/value-error';
import { availableBackends, getBackend, getNumThreads, ready, setBackend, setNumThreads, setWasmPaths } from './backend';
import { nativeBackend, nativeFallbackWarning } from './native-backend';
import { platform } from './platform';

// The workspace builds @dl/backend-native's addon at install; where it could not, the native
// tests below skip and say why.
const native = nativeBackend(() => platform.loadNativeBackend());
const nativeWhy = native.status === 'ok' ? '' : native.status === 'missing' ? '@dl/backend-native is not installed' : native.reason;

describe('backend selection', () => {
  it('lists wasm then cpu in Node without tfjs-node', async () => {
    await ready();
    expect(availableBackends().slice(-2)).toEqual(['wasm', 'cpu']);
    expect(availableBackends()).not.toContain('webgl');
  });

  it('rejects an unknown backend name with a BackendError naming the choices', async () => {
    await expect(setBackend('cuda')).rejects.toThrow(BackendError);
    await expect(setBackend('cuda')).rejects.toThrow(`Unknown backend "cuda": expected one of 'tensorflow' (tfjs-node), 'native' (@dl/backend-native), 'webgpu', 'webgl', 'wasm', 'cpu'`);
  });

  it('says which package a browser backend needs when it is not installed', async () => {
    await expect(setBackend('webgl')).rejects.toThrow("Backend 'webgl' is not available: it needs @tensorflow/tfjs-backend-webgl (npm install @tensorflow/tfjs-backend-webgl)");
    await expect(setBackend('webgpu')).rejects.toThrow(BackendError);
    await expect(setBackend('tensorflow')).rejects.toThrow("Backend 'tensorflow' is not available: it needs @tensorflow/tfjs-node (npm install @tensorflow/tfjs-node)");
  });

  it('keeps the active backend after a failed switch', async () => {
    const before = await ready();
    await expect(setBackend('webgl')).rejects.toThrow(BackendError);
    expect(getBackend()).toBe(before);
  });

  it('accepts aliases of tfjs-node only when it is installed', async () => {
    await expect(setBackend('tfjs-node')).rejects.toThrow(/not available/);
  });
});

describe('setWasmPaths', () => {
  it('rejects values that are neither a prefix nor a file map', () => {
    expect(() => setWasmPaths(42 as unknown as string)).toThrow(BackendError);
    expect(() => setWasmPaths(null as unknown as string)).toThrow('setWasmPaths: expected a URL prefix string or a map of .wasm file names to URLs, got null');
    expect(() => setWasmPaths({ 'tfjs-backend-wasm-simd.wasm': '/a.wasm' } as never)).toThrow(
      'setWasmPaths: the file map has no URL for tfjs-backend-wasm.wasm, tfjs-backend-wasm-threaded-simd.wasm (give all three: tfjs picks one by the browser',
    );
  });

  it('refuses once the wasm backend has started, since tfjs would silently ignore it', async () => {
    await setBackend('wasm');
    try {
      expect(() => setWasmPaths('/assets/')).toThrow('setWasmPaths: the wasm backend has already started; call setWasmPaths before dl.ready() / dl.setBackend()');
    } finally {
      await setBackend(process.env.DL_BACKEND ?? 'wasm');
    }
  });
});

describe('the native backend (@dl/backend-native)', () => {
  it.skipIf(native.status !== 'ok')(`comes after tfjs-node and before wasm when its addon loads${nativeWhy ? ` (skipped: ${nativeWhy})` : ''}`, async () => {
    const order = availableBackends();
    expect(order.indexOf('native')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('native')).toBeLessThan(order.indexOf('wasm'));
    const before = await ready();
    try {
      expect(await setBackend('native')).toBe('native');
      const dl = await import('../index');
      expect(dl.matmul(dl.tensor([[1, 2], [3, 4]]), dl.tensor([[1], [1]])).tolist()).toEqual([[3], [7]]);
    } finally {
      await setBackend(before);
    }
  });

  it.skipIf(native.status !== 'ok')(`sets and reports its thread count like torch.set_num_threads${nativeWhy ? ` (skipped: ${nativeWhy})` : ''}`, () => {
    const before = getNumThreads();
    try {
      setNumThreads(1);
      expect(getNumThreads()).toBe(1);
      setNumThreads(3);
      expect(getNumThreads()).toBe(3);
    } finally {
      setNumThreads(before);
    }
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => setNumThreads(0)).toThrow(ValueError);
    expect(() => setNumThreads(1.5)).toThrow('setNumThreads: expected a positive integer number of threads, got 1.5');
  });

  it('says in one line why an installed native backend is not used, and stays quiet when it is not installed', () => {
    expect(nativeFallbackWarning({ status: 'failed', reason: '@dl/backend-native: the native addon is not built: node-gyp failed: g++: not found; rebuild it with: npm rebuild @dl/backend-native' }, 'wasm')).toBe(
      '@dl/core: @dl/backend-native is installed but cannot run (the native addon is not built: node-gyp failed: g++: not found; rebuild it with: npm rebuild @dl/backend-native); using the wasm backend',
    );
    expect(nativeFallbackWarning({ status: 'missing' }, 'wasm')).toBeNull();
    expect(nativeFallbackWarning({ status: 'failed', reason: 'x' }, 'tensorflow')).toBeNull();
  });
});
