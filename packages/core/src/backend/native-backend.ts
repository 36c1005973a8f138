// What @dl/core uses of @dl/backend-native (an optional peer loaded at run time, so only types here).

/** @internal The part of `@dl/backend-native`'s exports @dl/core calls. */
export interface NativeBackendModule {
  registerNativeBackend(runtime: { tf: unknown; MathBackendCPU: unknown }): unknown;
  setNumThreads(n: number): void;
  getNumThreads(): number;
}

/** @internal The outcome of loading it. */
export type NativeLoad = { status: 'missing' } | { status: 'failed'; reason: string } | { status: 'ok'; module: NativeBackendModule };

let load: NativeLoad | null = null;

/** @internal Loads `@dl/backend-native` once (through the platform hook) and remembers the outcome. */
export function nativeBackend(loader: () => NativeLoad): NativeLoad {
  if (!load) load = loader();
  return load;
}

/**
 * @internal The line saying why an installed @dl/backend-native is not used (null when it is not
 * installed, or tfjs-node was picked before it anyway).
 */
export function nativeFallbackWarning(native: NativeLoad, picked: string): string | null {
  if (native.status !== 'failed' || picked === 'tensorflow') return null;
  return `@dl/core: @dl/backend-native is installed but cannot run (${native.reason.replace(/^@dl\/backend-native: /, '')}); using the ${picked} backend`;
}
