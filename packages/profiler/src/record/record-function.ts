import { ValueError } from '@dl/core';
import { activeSession } from '../profiler/session';
import { CAT } from './recording';

/** An open user range from `recordFunction(name)`; `end()` closes it (later calls do nothing). */
export interface RecordFunctionHandle {
  /** Closes the range. */
  end(): void;
}

const NOOP: RecordFunctionHandle = { end: () => undefined };

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Marks a range of user code with a name in the profile (PyTorch's `record_function`): with a
 * function, runs it (sync or async) inside the range and returns what it returns; without one,
 * opens the range and returns a handle whose `end()` closes it. Outside a profiler it only runs
 * the function.
 *
 * @example
 * ```ts
 * const prof = profile(() => {
 *   recordFunction('model_inference', () => model.forward(x));
 * });
 * const range = recordFunction('data_prep');
 * prepare();
 * range.end();
 * ```
 */
export function recordFunction<T>(name: string, fn: () => T): T;
export function recordFunction(name: string): RecordFunctionHandle;
export function recordFunction<T>(name: string, fn?: () => T): T | RecordFunctionHandle {
  if (typeof name !== 'string' || name.length === 0) throw new ValueError(`recordFunction: name should be a non-empty string, got ${typeof name === 'string' ? "''" : String(name)}`);
  if (fn !== undefined && typeof fn !== 'function') throw new ValueError(`recordFunction: fn should be a function, got ${typeof fn}`);
  const rec = activeSession.rec;
  if (fn === undefined) {
    if (rec === null) return NOOP;
    const i = rec.begin(name, CAT.user, null, true);
    let open = true;
    return {
      end: () => {
        // A range opened under one profiler and closed after it stopped is left as it was.
        if (open && activeSession.rec === rec) rec.end(i);
        open = false;
      },
    };
  }
  if (rec === null) return fn();
  const i = rec.begin(name, CAT.user, null, true);
  let out: T;
  try {
    out = fn();
  } catch (e) {
    rec.end(i);
    throw e;
  }
  if (!isThenable(out)) {
    rec.end(i);
    return out;
  }
  return Promise.resolve(out).finally(() => {
    if (activeSession.rec === rec) rec.end(i);
  }) as T;
}
