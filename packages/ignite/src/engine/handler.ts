/**
 * An event handler: a function called as `handler(engine, ...args)` (for `EXCEPTION_RAISED`:
 * `handler(engine, error, ...args)`), or an object whose `call(engine, ...args)` does the work
 * (as ignite's callable handler objects such as `ModelCheckpoint`). It may be async: the engine
 * awaits it before going on.
 */
export type EventHandler<E> = HandlerFunction<E> | HandlerObject<E>;

/** A handler function; extra parameters receive the arguments given at registration. */
export type HandlerFunction<E> = { bivarianceHack(engine: E, ...args: unknown[]): unknown }['bivarianceHack'];

/** A handler object (ignite's callable handler classes): the engine calls its `call` method. */
export interface HandlerObject<E> {
  call(engine: E, ...args: unknown[]): unknown;
}
