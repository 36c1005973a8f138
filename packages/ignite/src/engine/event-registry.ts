import { ValueError } from '@dl/core';
import { isPromiseLike } from '../utils/is-promise-like';
import { engineEventHooks, fireRecorded } from './event-hooks';
import type { EventFilter } from './event-filters';
import type { EventHandler } from './handler';

/** @internal One registered handler. */
export interface HandlerEntry {
  readonly original: unknown;
  readonly invoke: (engine: unknown, extra: readonly unknown[] | undefined) => unknown;
  readonly filtered?: boolean;
}

/** @internal Makes the entry the registry stores: the call with its registration arguments and filter. */
export function makeEntry<E>(handler: EventHandler<E>, args: readonly unknown[], filter: EventFilter | undefined, attr: string | undefined): HandlerEntry {
  const call =
    typeof handler === 'function'
      ? (engine: unknown, extra: readonly unknown[] | undefined) =>
          extra === undefined ? (handler as (...a: unknown[]) => unknown)(engine, ...args) : (handler as (...a: unknown[]) => unknown)(engine, ...extra, ...args)
      : (engine: unknown, extra: readonly unknown[] | undefined) =>
          extra === undefined ? handler.call(engine as E, ...args) : handler.call(engine as E, ...extra, ...args);
  if (filter === undefined) return { original: handler, invoke: call };
  return {
    original: handler,
    filtered: true,
    invoke: (engine, extra) => {
      const counter = (engine as { state: Record<string, unknown> }).state[attr as string];
      return filter(engine as never, counter as number) ? call(engine, extra) : undefined;
    },
  };
}

/**
 * @internal Handlers per event name, run in registration order. Firing stays synchronous until a
 * handler returns a promise; the rest then run after it resolves, in order.
 */
export class EventRegistry {
  private readonly handlers = new Map<string, HandlerEntry[]>();

  add(key: string, entry: HandlerEntry): void {
    this.listFor(key).push(entry);
  }

  /** The live list of an event's handlers: the same array for the registry's lifetime, so hot loops can hold it. */
  listFor(key: string): HandlerEntry[] {
    let list = this.handlers.get(key);
    if (list === undefined) {
      list = [];
      this.handlers.set(key, list);
    }
    return list;
  }

  has(original: unknown, key?: string): boolean {
    if (key !== undefined) return (this.handlers.get(key) ?? []).some((e) => e.original === original);
    for (const list of this.handlers.values()) if (list.some((e) => e.original === original)) return true;
    return false;
  }

  /** Removes every registration of `original` under `key` (in place); ignite's messages when there is none. */
  remove(original: unknown, key: string, op: string): void {
    const list = this.handlers.get(key);
    if (list === undefined) throw new ValueError(`${op}: input event name '${key}' does not exist`);
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) if (list[i].original === original) list.splice(i, 1);
    if (list.length === before) throw new ValueError(`${op}: the handler is not found among the registered handlers of '${key}'`);
  }

  count(key: string): number {
    return this.handlers.get(key)?.length ?? 0;
  }

  fire(engine: unknown, key: string, extra?: readonly unknown[]): void | Promise<void> {
    if (engineEventHooks.recorder !== null) return fireRecorded(engineEventHooks.recorder, engine, key, this.handlers.get(key), extra);
    const list = this.handlers.get(key);
    if (list === undefined || list.length === 0) return;
    return this.run(engine, list, extra);
  }

  /**
   * Fires an event whose live list the caller holds (from {@link listFor}): what `fire` does,
   * without the lookup. Returns a promise only if a handler returned one.
   */
  fireList(engine: unknown, key: string, list: readonly HandlerEntry[], extra?: readonly unknown[]): void | Promise<void> {
    if (engineEventHooks.recorder !== null) return fireRecorded(engineEventHooks.recorder, engine, key, list, extra);
    if (list.length === 0) return;
    return this.run(engine, list, extra);
  }

  private run(engine: unknown, list: readonly HandlerEntry[], extra?: readonly unknown[]): void | Promise<void> {
    // A snapshot: handlers that add or remove handlers affect the next firing, not this one.
    const run = list.length === 1 ? [list[0]] : list.slice();
    for (let i = 0; i < run.length; i++) {
      const r = run[i].invoke(engine, extra);
      if (isPromiseLike(r)) return continueAsync(r, run, i + 1, engine, extra);
    }
  }
}

async function continueAsync(pending: PromiseLike<unknown>, run: readonly HandlerEntry[], from: number, engine: unknown, extra?: readonly unknown[]): Promise<void> {
  await pending;
  for (let i = from; i < run.length; i++) {
    const r = run[i].invoke(engine, extra);
    if (isPromiseLike(r)) await r;
  }
}
