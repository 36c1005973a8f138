import { ValueError } from '@dl/core';
import type { Engine } from './engine';

/**
 * Decides whether a handler runs when its event fires: it gets the engine and the event's counter
 * (the iteration for iteration events, the epoch for epoch events).
 */
export type EventFilter = (engine: Engine, event: number) => boolean;

/**
 * How a filtered event is built: `Events.ITERATION_COMPLETED({ every: 100 })`. Give exactly one of
 * `eventFilter`, `once`, or any of `every` / `before` / `after` (which combine).
 */
export interface EventFilterOptions {
  /** Run on every n-th event (1 runs always). @default undefined */
  every?: number;
  /** Run only when the counter equals this value (or one of these values). @default undefined */
  once?: number | readonly number[];
  /** Run only while the counter is below this value. @default undefined */
  before?: number;
  /** Run only once the counter is above this value. @default undefined */
  after?: number;
  /** Any custom test of `(engine, counter)`. @default undefined */
  eventFilter?: EventFilter;
}

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * @internal Validates filter options the way ignite does and builds the filter function
 * (undefined when the options filter nothing, as `every: 1` does).
 */
export function buildEventFilter(eventName: string, options: EventFilterOptions | EventFilter): EventFilter | undefined {
  const op = `Events.${eventName}`;
  if (typeof options === 'function') return options;
  if (options === null || typeof options !== 'object') {
    throw new ValueError(`${op}: expected filter options ({ every, once, before, after, eventFilter }) or a filter function, got ${String(options)}`);
  }
  const { every, once, before, after, eventFilter } = options;
  const given = [eventFilter !== undefined, once !== undefined, every !== undefined || before !== undefined || after !== undefined];
  if (given.filter(Boolean).length !== 1) {
    throw new ValueError(`${op}: only one of eventFilter, once, or every/before/after should be given (got ${JSON.stringify(Object.keys(options))})`);
  }
  if (eventFilter !== undefined) {
    if (typeof eventFilter !== 'function') throw new ValueError(`${op}: eventFilter should be a function, got ${typeof eventFilter}`);
    return eventFilter;
  }
  if (every !== undefined && !isPositiveInt(every)) throw new ValueError(`${op}: every should be an integer greater than zero, got ${String(every)}`);
  if (once !== undefined) {
    const list = typeof once === 'number' ? [once] : once;
    if (!Array.isArray(list) || list.length === 0 || !list.every(isPositiveInt)) {
      throw new ValueError(`${op}: once should be a positive integer or a non-empty list of positive integers, got ${JSON.stringify(once)}`);
    }
    const set = new Set<number>(list);
    return (_engine, event) => set.has(event);
  }
  if (before !== undefined && !isNonNegativeInt(before)) throw new ValueError(`${op}: before should be an integer >= 0, got ${String(before)}`);
  if (after !== undefined && !isNonNegativeInt(after)) throw new ValueError(`${op}: after should be an integer >= 0, got ${String(after)}`);
  const lo = after ?? 0;
  const hi = before ?? Infinity;
  if (before === undefined && after === undefined) {
    if (every === 1) return undefined;
    const n = every as number;
    return (_engine, event) => event % n === 0;
  }
  if (every === undefined || every === 1) return (_engine, event) => event > lo && event < hi;
  // ignite counts `every` from the first event after `after`.
  return (_engine, event) => event > lo && event < hi && (event - lo - 1) % every === 0;
}
