/**
 * @internal A handler's name as ignite's profilers print it: a function's name, `bound f` for
 * bound functions, the class name of a handler object, `<lambda>` for anonymous functions.
 */
export function handlerName(handler: unknown): string {
  if (typeof handler === 'function') return handler.name || '<lambda>';
  if (handler !== null && typeof handler === 'object') return (handler as { constructor?: { name?: string } }).constructor?.name || 'Object';
  return String(handler);
}
