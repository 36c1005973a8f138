import type { EventName, EventsList } from './events';

/** The engine side a handle needs. */
interface HandlerOwner {
  hasEventHandler(handler: unknown, event?: EventName): boolean;
  removeEventHandler(handler: unknown, event: EventName | EventsList): void;
}

/**
 * What `addEventHandler` returns: `remove()` takes the handler off again (ignite's
 * `RemovableEventHandle`; `with handle:` becomes a call to `remove()`). Removing twice, or after
 * the handler was removed otherwise, does nothing.
 *
 * @example
 * ```ts
 * const handle = engine.on(Events.ITERATION_COMPLETED, printLoss);
 * handle.remove();
 * ```
 */
export class RemovableEventHandle {
  private readonly owner: WeakRef<HandlerOwner>;

  constructor(
    readonly event: EventName | EventsList,
    readonly handler: unknown,
    engine: HandlerOwner,
  ) {
    this.owner = new WeakRef(engine);
  }

  /** Removes the handler from the engine (from every event of a list). */
  remove(): void {
    const engine = this.owner.deref();
    if (!engine) return;
    const events = typeof this.event === 'object' && Symbol.iterator in this.event ? [...this.event] : [this.event as EventName];
    for (const e of events) if (engine.hasEventHandler(this.handler, e)) engine.removeEventHandler(this.handler, e);
  }
}
