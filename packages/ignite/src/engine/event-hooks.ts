import { isPromiseLike } from '../utils/is-promise-like';
import type { HandlerEntry } from './event-registry';

/**
 * What a profiler implements to time every Engine's events and handlers (ignite's time
 * profilers, and engine events in `@dl/profiler` traces). When none is set, firing an event pays
 * one null check.
 */
export interface EngineEventRecorder {
  /** An engine starts firing `event` (before its first handler); returns a token for `endEvent`. */
  beginEvent(engine: unknown, event: string): unknown;
  /** The last handler of the event has finished (or thrown). */
  endEvent(token: unknown): void;
  /** A handler of `event` starts; `filtered` when it was registered with an event filter (it may skip). */
  beginHandler(engine: unknown, event: string, handler: unknown, filtered: boolean): unknown;
  /** The handler has finished (an async one: settled). */
  endHandler(token: unknown): void;
}

/** @internal The recorder in effect, or null. */
export const engineEventHooks: { recorder: EngineEventRecorder | null } = { recorder: null };

/**
 * Installs (or with `null` removes) the engine event recorder. Used by `@dl/profiler`.
 *
 * @example
 * ```ts
 * setEngineEventRecorder({
 *   beginEvent: (engine, event) => [event, performance.now()],
 *   endEvent: ([event, t0]) => console.log(event, performance.now() - t0),
 *   beginHandler: () => null,
 *   endHandler: () => undefined,
 * });
 * ```
 */
export function setEngineEventRecorder(recorder: EngineEventRecorder | null): void {
  engineEventHooks.recorder = recorder;
}

/**
 * @internal `EventRegistry.fire` with the recorder told about the event and each handler; the
 * same order, snapshot and sync-until-a-promise behaviour.
 */
export function fireRecorded(rec: EngineEventRecorder, engine: unknown, key: string, entries: readonly HandlerEntry[] | undefined, extra?: readonly unknown[]): void | Promise<void> {
  const run = entries === undefined ? [] : entries.slice();
  const ev = rec.beginEvent(engine, key);
  for (let i = 0; i < run.length; i++) {
    const h = rec.beginHandler(engine, key, run[i].original, run[i].filtered === true);
    let r: unknown;
    try {
      r = run[i].invoke(engine, extra);
    } catch (e) {
      rec.endHandler(h);
      rec.endEvent(ev);
      throw e;
    }
    if (isPromiseLike(r)) return finishAsync(rec, ev, h, r, run, i + 1, engine, key, extra);
    rec.endHandler(h);
  }
  rec.endEvent(ev);
}

async function finishAsync(
  rec: EngineEventRecorder,
  ev: unknown,
  h: unknown,
  pending: PromiseLike<unknown>,
  run: readonly HandlerEntry[],
  from: number,
  engine: unknown,
  key: string,
  extra?: readonly unknown[],
): Promise<void> {
  try {
    try {
      await pending;
    } finally {
      rec.endHandler(h);
    }
    for (let i = from; i < run.length; i++) {
      const hi = rec.beginHandler(engine, key, run[i].original, run[i].filtered === true);
      try {
        const r = run[i].invoke(engine, extra);
        if (isPromiseLike(r)) await r;
      } finally {
        rec.endHandler(hi);
      }
    }
  } finally {
    rec.endEvent(ev);
  }
}
