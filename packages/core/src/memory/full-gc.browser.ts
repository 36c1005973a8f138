// Browser side: pages cannot force a collection; finalizers run when the browser collects.

/** @internal No forced collection in browsers. */
export async function loadFullGc(): Promise<(() => void) | null> {
  return null;
}
