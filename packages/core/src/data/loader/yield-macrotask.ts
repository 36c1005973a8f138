interface Channel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(value: unknown): void };
}

// Browsers have no setImmediate; a MessageChannel message is the cheapest macrotask there.
const channel: Channel | null = typeof setImmediate === 'function' || typeof MessageChannel === 'undefined' ? null : (new MessageChannel() as unknown as Channel);
const waiting: (() => void)[] = [];
if (channel) {
  channel.port1.onmessage = () => {
    const next = waiting.shift();
    if (next) next();
  };
}

/**
 * @internal Resolves on the next macrotask. Tensors are freed by a FinalizationRegistry whose
 * callbacks only run between macrotasks, so the DataLoader gives the event loop one turn per
 * batch (~5 µs with setImmediate): that keeps a `for await` training loop's memory flat.
 */
export function yieldToMacrotask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (channel) {
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
