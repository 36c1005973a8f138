/** @internal Whether a value is a promise or thenable (handlers and process functions may be async). */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value instanceof Promise || (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function');
}
