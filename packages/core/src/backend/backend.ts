import { setWasmPaths as setTfjsWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors/backend-error';
import { nativeBackend, nativeFallbackWarning } from './native-backend';
import { platform } from './platform';
import { tf } from './tfjs';

export { getNumThreads, setNumThreads } from './threads';

/**
 * Names @dl/core understands for TensorFlow.js backends: `tensorflow` is tfjs-node (Node),
 * `native` is @dl/backend-native's multithreaded kernels (Node), `webgl` and `webgpu` are the
 * browser GPU backends (when their tfjs packages are imported), `wasm` and `cpu` work everywhere.
 */
export type BackendName = 'tensorflow' | 'native' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

const ALIASES: Record<string, BackendName> = {
  node: 'tensorflow',
  tfjs_node: 'tensorflow',
  'tfjs-node': 'tensorflow',
  tensorflow: 'tensorflow',
  native: 'native',
  webgpu: 'webgpu',
  webgl: 'webgl',
  wasm: 'wasm',
  cpu: 'cpu',
};

const PACKAGES: Record<BackendName, string> = {
  tensorflow: '@tensorflow/tfjs-node',
  native: '@dl/backend-native',
  webgpu: '@tensorflow/tfjs-backend-webgpu',
  webgl: '@tensorflow/tfjs-backend-webgl',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

let pending: Promise<BackendName> | null = null;
let active: BackendName | null = null;
let wasmStarted = false;

// An op before any backend is selected makes tfjs pick one itself: it throws "await tf.ready()"
// when the best is asynchronous (wasm), or starts another one behind @dl's back. Both become
// @dl's BackendError (a CommonJS program that forgot `await dl.ready()`, a page that did not wait).
const engine = tf.engine() as unknown as { initializeBackendsAndReturnBest: () => unknown };
const pickBest = engine.initializeBackendsAndReturnBest.bind(engine);
engine.initializeBackendsAndReturnBest = () => {
  if (active === null) getBackend();
  return pickBest();
};

function hasNativeTfjs(): boolean {
  if (tf.findBackendFactory('tensorflow') != null) return true;
  return platform.loadNativeTfjs() && tf.findBackendFactory('tensorflow') != null;
}

function loadNative() {
  return nativeBackend(() => platform.loadNativeBackend());
}

function registered(name: BackendName): boolean {
  if (name === 'tensorflow') return hasNativeTfjs();
  if (name === 'native') return loadNative().status === 'ok';
  return tf.findBackendFactory(name) != null;
}

/**
 * The backends available here, best first: tfjs-node (Node, if installed), native
 * (`@dl/backend-native`, if installed and its addon built), webgpu and webgl (browsers, if their
 * packages were imported), wasm, cpu.
 *
 * @example
 * ```ts
 * dl.availableBackends(); // ['native', 'wasm', 'cpu'] in Node with @dl/backend-native
 * ```
 */
export function availableBackends(): BackendName[] {
  const order: BackendName[] = ['tensorflow', 'native', 'webgpu', 'webgl', 'wasm', 'cpu'];
  return order.filter(registered);
}

function quietCpuBanner(): void {
  // tfjs's cpu backend prints a "use tfjs-node" banner on first use in Node; a library should
  // not print that into its users' terminals unasked.
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu) cpu.firstUse = false;
}

function normalize(name: string): BackendName {
  const n = typeof name === 'string' ? ALIASES[name.toLowerCase()] : undefined;
  if (!n) {
    throw new BackendError(`Unknown backend ${JSON.stringify(name)}: expected one of 'tensorflow' (tfjs-node), 'native' (@dl/backend-native), 'webgpu', 'webgl', 'wasm', 'cpu'`);
  }
  return n;
}

const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

/** The URL of each of the wasm backend's three `.wasm` files (tfjs picks one by the browser's features). */
export type WasmFileMap = Record<(typeof WASM_FILES)[number], string>;

/**
 * Says where the WebAssembly backend's `.wasm` files are served from, for browsers (in Node they
 * load from the installed package). Call it before the wasm backend starts, that is before
 * `dl.ready()` / `dl.setBackend('wasm')`.
 *
 * @param prefixOrFileMap a URL prefix ending in `/` under which `tfjs-backend-wasm.wasm`,
 *   `tfjs-backend-wasm-simd.wasm` and `tfjs-backend-wasm-threaded-simd.wasm` are served, or a map
 *   from each of those file names to its URL (as bundlers' `?url` imports give: the files are
 *   exported as `@dl/core/wasm/<file name>`).
 * @example
 * ```ts
 * dl.setWasmPaths('/assets/tfjs-wasm/');
 * await dl.setBackend('wasm');
 * ```
 */
export function setWasmPaths(prefixOrFileMap: string | WasmFileMap): void {
  if (typeof prefixOrFileMap !== 'string' && (prefixOrFileMap === null || typeof prefixOrFileMap !== 'object')) {
    throw new BackendError(`setWasmPaths: expected a URL prefix string or a map of .wasm file names to URLs, got ${prefixOrFileMap === null ? 'null' : typeof prefixOrFileMap}`);
  }
  if (typeof prefixOrFileMap === 'object') {
    const missing = WASM_FILES.filter((f) => typeof prefixOrFileMap[f] !== 'string');
    if (missing.length > 0) throw new BackendError(`setWasmPaths: the file map has no URL for ${missing.join(', ')} (give all three: tfjs picks one by the browser's features)`);
  }
  if (wasmStarted) {
    throw new BackendError('setWasmPaths: the wasm backend has already started; call setWasmPaths before dl.ready() / dl.setBackend()');
  }
  setTfjsWasmPaths(prefixOrFileMap as string);
}

/**
 * Selects the TensorFlow.js backend every op runs on. Tensors made on the previous backend move
 * over when next used.
 *
 * @param name `'tensorflow'` (tfjs-node, also `'node'`), `'native'` (@dl/backend-native), `'webgpu'`, `'webgl'`, `'wasm'` or `'cpu'`.
 * @example
 * ```ts
 * await dl.setBackend('cpu');
 * dl.getBackend(); // 'cpu'
 * ```
 */
export async function setBackend(name: string): Promise<BackendName> {
  const wanted = normalize(name);
  if (!registered(wanted)) {
    const native = wanted === 'native' ? loadNative() : null;
    if (native?.status === 'failed') throw new BackendError(`Backend 'native' is not available: ${native.reason}`);
    const how = wanted === 'tensorflow' || wanted === 'native' || platform.name === 'node' ? `npm install ${PACKAGES[wanted]}` : `npm install ${PACKAGES[wanted]} and import '${PACKAGES[wanted]}' before dl.setBackend`;
    throw new BackendError(`Backend '${wanted}' is not available: it needs ${PACKAGES[wanted]} (${how})`);
  }
  const run = (async () => {
    let ok = false;
    if (wanted === 'wasm') wasmStarted = true;
    try {
      ok = await platform.initWithoutGlobalHandlers(() => tf.setBackend(wanted));
    } catch (e) {
      throw new BackendError(`Backend '${wanted}' failed to initialize: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    }
    if (!ok) {
      const hint = wanted === 'wasm' && platform.name === 'browser' ? ' (were its .wasm files found? see dl.setWasmPaths)' : '';
      throw new BackendError(`Backend '${wanted}' failed to initialize${hint}`);
    }
    if (wanted === 'cpu') quietCpuBanner();
    active = wanted;
    return wanted;
  })();
  pending = run;
  try {
    return await run;
  } finally {
    if (pending === run) pending = null;
  }
}

/**
 * Resolves once a backend is ready. The first call picks the default: `DL_BACKEND` if set (Node),
 * else the first of `availableBackends()` that starts (tfjs-node, then @dl/backend-native's
 * `native`, then wasm in Node). In Node the ESM build of `@dl/core` awaits
 * this when imported; CommonJS code and browsers call it once before the first op.
 *
 * A backend that fails to start is skipped with one `console.warn` line saying why (a browser
 * that cannot fetch the wasm files falls back to cpu, and says so).
 *
 * @example
 * ```ts
 * const dl = require('@dl/core');
 * await dl.ready(); // 'wasm' on a machine without tfjs-node
 * ```
 */
export function ready(): Promise<BackendName> {
  if (active) return Promise.resolve(active);
  if (pending) return pending;
  const forced = platform.env('DL_BACKEND');
  if (forced) return setBackend(forced);
  const order = availableBackends();
  const run = (async () => {
    let last: unknown;
    for (const name of order) {
      try {
        const picked = await setBackend(name);
        warnNativeUnavailable(picked);
        return picked;
      } catch (e) {
        last = e;
        if (name !== order[order.length - 1]) console.warn(`@dl/core: ${(e as Error).message}; trying the next backend`);
      }
    }
    throw last;
  })().finally(() => {
    if (pending === run) pending = null;
  });
  pending = run;
  return run;
}

/** One line when @dl/backend-native is installed but cannot run, so the fallback is not silent. */
function warnNativeUnavailable(picked: BackendName): void {
  const line = nativeFallbackWarning(loadNative(), picked);
  if (line) console.warn(line);
}

/**
 * The name of the backend ops run on now.
 *
 * @example
 * ```ts
 * console.log(dl.getBackend()); // 'wasm'
 * ```
 */
export function getBackend(): BackendName {
  if (active) return active;
  throw new BackendError(
    pending
      ? 'The backend is still initializing: await dl.ready() before the first op'
      : 'No backend selected yet: await dl.ready() (or dl.setBackend(name)) before the first op',
  );
}

/** @internal Throws a clear error when no backend is ready (called before running kernels). */
export function assertBackendReady(): void {
  if (active === null) getBackend();
}
