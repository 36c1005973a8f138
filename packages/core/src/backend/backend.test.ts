import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors/backend-error';
import { availableBackends, getBackend, ready, setBackend, setWasmPaths } from './backend';

describe('backend selection', () => {
  it('lists wasm then cpu in Node without tfjs-node', async () => {
    await ready();
    expect(availableBackends().slice(-2)).toEqual(['wasm', 'cpu']);
    expect(availableBackends()).not.toContain('webgl');
  });

  it('rejects an unknown backend name with a BackendError naming the choices', async () => {
    await expect(setBackend('cuda')).rejects.toThrow(BackendError);
    await expect(setBackend('cuda')).rejects.toThrow(`Unknown backend "cuda": expected one of 'tensorflow' (tfjs-node), 'webgpu', 'webgl', 'wasm', 'cpu'`);
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
