// Node.js side of the backend's platform hooks. Browser builds swap this file for
// `platform.browser.ts` (see tooling/platform-plugin.ts), so nothing here reaches a web bundle.
import { createRequire } from 'node:module';
import type { NativeBackendModule, NativeLoad } from './native-backend';
import { MathBackendCPU, tf } from './tfjs';

/** @internal What the backend needs from the platform it runs on. */
export interface BackendPlatform {
  /** `'node'` or `'browser'`. */
  readonly name: 'node' | 'browser';
  /** Loads `@tensorflow/tfjs-node` if installed (it registers the `tensorflow` backend). */
  loadNativeTfjs(): boolean;
  /**
   * Loads `@dl/backend-native` if installed and registers its backend with @dl/core's tfjs:
   * `missing` when it is not installed, `failed` (with the reason) when its addon does not load.
   */
  loadNativeBackend(): NativeLoad;
  /** Reads an environment variable (`DL_BACKEND`, ...), or undefined. */
  env(name: string): string | undefined;
  /**
   * Runs a backend's initialization and removes the process-wide error handlers it installed:
   * emscripten's Node glue (tfjs-backend-wasm) adds `uncaughtException` / `unhandledRejection`
   * listeners that rethrow, which makes every uncaught error of the user's program exit with
   * code 7 and print from inside the wasm glue.
   */
  initWithoutGlobalHandlers<T>(init: () => Promise<T>): Promise<T>;
}

const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/** @internal */
export const platform: BackendPlatform = {
  name: 'node',
  loadNativeTfjs(): boolean {
    try {
      // Resolved at run time: tfjs-node is an optional peer that only machines with internet
      // access can install (its install script downloads libtensorflow).
      createRequire(import.meta.url)('@tensorflow/tfjs-node');
      return true;
    } catch {
      return false;
    }
  },
  loadNativeBackend(): NativeLoad {
    let mod: NativeBackendModule;
    try {
      // Resolved at run time: an optional peer, whose addon is built at install.
      mod = createRequire(import.meta.url)('@dl/backend-native') as NativeBackendModule;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err?.code === 'MODULE_NOT_FOUND' && String(err.message).includes("'@dl/backend-native'")) return { status: 'missing' };
      return { status: 'failed', reason: String(err?.message ?? e).split('\n')[0] };
    }
    try {
      mod.registerNativeBackend({ tf, MathBackendCPU });
      return { status: 'ok', module: mod };
    } catch (e) {
      return { status: 'failed', reason: String((e as Error)?.message ?? e).split('\n')[0] };
    }
  },
  env(name: string): string | undefined {
    return process.env[name];
  },
  async initWithoutGlobalHandlers<T>(init: () => Promise<T>): Promise<T> {
    const listeners = (e: (typeof EVENTS)[number]): unknown[] => process.listeners(e as 'uncaughtException');
    const before = EVENTS.map((e) => new Set(listeners(e)));
    try {
      return await init();
    } finally {
      EVENTS.forEach((e, i) => {
        for (const l of listeners(e)) if (!before[i].has(l)) process.removeListener(e, l as (...args: unknown[]) => void);
      });
    }
  },
};
