import { createRequire } from 'node:module';
import { BackendError } from '../errors/backend-error';
import { tf } from './tfjs';

/** Names @dl/core understands for TensorFlow.js backends (`tensorflow` is tfjs-node). */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

const ALIASES: Record<string, BackendName> = { node: 'tensorflow', tfjs_node: 'tensorflow', 'tfjs-node': 'tensorflow', tensorflow: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

let pending: Promise<BackendName> | null = null;
let active: BackendName | null = null;

function tryLoadTfjsNode(): boolean {
  if (tf.findBackendFactory('tensorflow') != null) return true;
  try {
    // Resolved at run time so the package works (and bundles) without it: tfjs-node is an
    // optional peer that only machines with internet access can install.
    const req = createRequire(import.meta.url);
    req('@tensorflow/tfjs-node');
    return tf.findBackendFactory('tensorflow') != null;
  } catch {
    return false;
  }
}

/** The backends available here, best first: tfjs-node (if installed), wasm, cpu. */
export function availableBackends(): BackendName[] {
  const names: BackendName[] = [];
  if (tryLoadTfjsNode()) names.push('tensorflow');
  if (tf.findBackendFactory('wasm') != null) names.push('wasm');
  names.push('cpu');
  return names;
}

function quietCpuBanner(): void {
  // tfjs's cpu backend prints a "use tfjs-node" banner on first use in Node; a library should
  // not print that into its users' terminals unasked.
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu) cpu.firstUse = false;
}

function normalize(name: string): BackendName {
  const n = ALIASES[name.toLowerCase()];
  if (!n) throw new BackendError(`Unknown backend '${name}': expected one of 'tensorflow' (tfjs-node), 'wasm', 'cpu'`);
  return n;
}

/**
 * Selects the TensorFlow.js backend every op runs on. Tensors made on the previous backend move
 * over when next used.
 *
 * @param name `'tensorflow'` (tfjs-node, also `'node'`), `'wasm'` or `'cpu'`.
 * @example
 * ```ts
 * await dl.setBackend('cpu');
 * dl.getBackend(); // 'cpu'
 * ```
 */
export async function setBackend(name: string): Promise<BackendName> {
  const wanted = normalize(name);
  if (wanted === 'tensorflow' && !tryLoadTfjsNode()) {
    throw new BackendError("Backend 'tensorflow' needs the optional peer @tensorflow/tfjs-node, which is not installed (npm install @tensorflow/tfjs-node)");
  }
  const run = (async () => {
    let ok = false;
    try {
      ok = await tf.setBackend(wanted);
    } catch (e) {
      throw new BackendError(`Backend '${wanted}' failed to initialize: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    }
    if (!ok) throw new BackendError(`Backend '${wanted}' failed to initialize`);
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
 * Resolves once a backend is ready. The first call picks the default: `DL_BACKEND` if set,
 * else tfjs-node when installed, else wasm, else cpu. The ESM build of `@dl/core` awaits this
 * when imported; CommonJS users call it once before the first op.
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
  const forced = typeof process !== 'undefined' ? process.env?.DL_BACKEND : undefined;
  if (forced) return setBackend(forced);
  const order = availableBackends();
  return (async () => {
    let last: unknown;
    for (const name of order) {
      try {
        return await setBackend(name);
      } catch (e) {
        last = e;
      }
    }
    throw last;
  })();
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
