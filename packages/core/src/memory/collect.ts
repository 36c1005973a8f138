import { tf } from '../backend/tfjs';
import { loadFullGc } from './full-gc';

type GcFn = () => void;

let gcFn: GcFn | null | undefined;
let threshold = Number((typeof process !== 'undefined' && process.env?.DL_GC_THRESHOLD) || 20_000);
let baseline = -1;
let collections = 0;

async function loadGc(): Promise<GcFn | null> {
  if (gcFn !== undefined) return gcFn;
  gcFn = typeof globalThis.gc === 'function' ? (globalThis.gc as GcFn) : await loadFullGc();
  return gcFn;
}

/** Memory settings of the automatic collector. */
export interface MemoryOptions {
  /**
   * Live TensorFlow.js tensors above the count after the last collection that make `tick()`
   * run a garbage collection (freeing the values of unreachable Tensors). `Infinity` turns it off.
   * @default 20000 (or `DL_GC_THRESHOLD`)
   */
  gcThreshold?: number;
}

/**
 * Changes how eagerly `tick()` collects unreachable tensors.
 *
 * @example
 * ```ts
 * dl.setMemoryOptions({ gcThreshold: 5000 }); // smaller peaks, more frequent collections
 * ```
 */
export function setMemoryOptions(options: MemoryOptions): void {
  if (options.gcThreshold !== undefined) threshold = options.gcThreshold;
}

/** Counters of the automatic collector, for tests and diagnostics. */
export function memoryStats(): { numTensors: number; numBytes: number; collections: number; gcThreshold: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes, collections, gcThreshold: threshold };
}

/**
 * Yields to the event loop once, and first collects garbage when many tensors piled up since the
 * last collection, so the values of Tensors nobody references any more are freed. DataLoader and
 * Engine call it between batches; call it in hand-written `for` loops that never await
 * (`await dl.tick()` per step), or use `scope()` for deterministic freeing.
 *
 * @example
 * ```ts
 * for (let step = 0; step < 10_000; step++) {
 *   trainStep();
 *   await dl.tick();
 * }
 * ```
 */
export async function tick(): Promise<void> {
  const live = tf.memory().numTensors;
  if (baseline < 0 || live < baseline) baseline = live;
  if (live - baseline > threshold) {
    const gc = await loadGc();
    if (gc) {
      gc();
      collections++;
      // Finalizers run as a separate task after the collection.
      await new Promise<void>((r) => setTimeout(r, 0));
      baseline = tf.memory().numTensors;
      return;
    }
  }
  await nextMacrotask();
}

const nextMacrotask: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((r) => setImmediate(r)) : () => new Promise((r) => setTimeout(r, 0));
