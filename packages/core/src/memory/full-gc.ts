// Node side: how `tick()` gets a full garbage collection. Browser builds use full-gc.browser.ts.

/**
 * @internal A function running a full collection, or null. A full collection is what runs the
 * finalizers of dead Tensor wrappers (V8's scavenger keeps finalizable objects alive), so loops
 * ask for one when tfjs memory grew.
 */
export async function loadFullGc(): Promise<(() => void) | null> {
  try {
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}
