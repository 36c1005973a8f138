import { ValueError } from '@dl/core';
import { buildEventFilter, type EventFilter, type EventFilterOptions } from './event-filters';

/**
 * An engine event (ignite's `CallableEventWithFilter`). Call it with filter options to get the
 * same event with a filter: `Events.ITERATION_COMPLETED({ every: 100 })`; combine events with
 * `or`: `Events.STARTED.or(Events.COMPLETED)`.
 */
export interface CallableEventWithFilter {
  /** The same event, with a filter deciding when handlers run. */
  (options: EventFilterOptions | EventFilter): CallableEventWithFilter;
  /** The event's name, as ignite spells it (`'ITERATION_COMPLETED'`); handlers are keyed by it. */
  readonly name: string;
  /** The event's value (`'iteration_completed'`). */
  readonly value: string;
  /** The filter given when the event was called, if any. */
  readonly filter: EventFilter | undefined;
  /** The `State` attribute the filter counts (`'iteration'`, `'epoch'`), if any. */
  readonly attr: string | undefined;
  /** A list holding this event and `other` (ignite's `|`). */
  or(other: CallableEventWithFilter | EventsList): EventsList;
}

/** An event by object, or a custom event by its name. */
export type EventName = CallableEventWithFilter | string;

const eventProto = {
  or(this: CallableEventWithFilter, other: CallableEventWithFilter | EventsList): EventsList {
    return new EventsList([this]).or(other);
  },
  toString(this: CallableEventWithFilter): string {
    return this.filter ? `Events.${this.name}(filter)` : `Events.${this.name}`;
  },
};
Object.setPrototypeOf(eventProto, Function.prototype);

/** @internal Makes an event object: a function (to accept filter options) with the event's fields. */
export function makeEvent(name: string, value: string, attr: string | undefined, filter?: EventFilter): CallableEventWithFilter {
  const ev = (options: EventFilterOptions | EventFilter) => makeEvent(name, value, attr, buildEventFilter(name, options));
  Object.setPrototypeOf(ev, eventProto);
  Object.defineProperties(ev, {
    name: { value: name, enumerable: true },
    value: { value, enumerable: true },
    filter: { value: filter, enumerable: true },
    attr: { value: attr, enumerable: true },
  });
  return ev as unknown as CallableEventWithFilter;
}

/**
 * Whether a value is an event object.
 *
 * @example
 * ```ts
 * isEvent(Events.STARTED); // true
 * ```
 */
export function isEvent(value: unknown): value is CallableEventWithFilter {
  return typeof value === 'function' && Object.getPrototypeOf(value) === eventProto;
}

/**
 * Several events sharing one handler (ignite's `EventsList`): `Events.STARTED.or(Events.COMPLETED)`.
 *
 * @example
 * ```ts
 * engine.on(Events.EPOCH_COMPLETED.or(Events.COMPLETED), () => console.log('done an epoch or the run'));
 * ```
 */
export class EventsList implements Iterable<EventName> {
  /** The events, in order. */
  readonly events: EventName[];

  constructor(events: Iterable<EventName> = []) {
    this.events = [...events];
    for (const e of this.events) {
      if (!isEvent(e) && typeof e !== 'string') throw new ValueError(`EventsList: every item should be an event or an event name, got ${String(e)}`);
    }
  }

  /** A new list with `other` (an event, a name or a list) appended. */
  or(other: EventName | EventsList): EventsList {
    if (other instanceof EventsList) return new EventsList([...this.events, ...other.events]);
    return new EventsList([...this.events, other]);
  }

  get length(): number {
    return this.events.length;
  }

  [Symbol.iterator](): Iterator<EventName> {
    return this.events[Symbol.iterator]();
  }
}

/**
 * The events every Engine fires (ignite's `Events`), in the order of a run:
 * `STARTED`, then per epoch `EPOCH_STARTED`, per iteration `GET_BATCH_STARTED`,
 * `GET_BATCH_COMPLETED`, `ITERATION_STARTED`, `ITERATION_COMPLETED`, then `EPOCH_COMPLETED`, and
 * finally `COMPLETED`. `TERMINATE` fires after `terminate()`, `TERMINATE_SINGLE_EPOCH` after
 * `terminateEpoch()`, `EXCEPTION_RAISED` when the process function or a handler throws, and
 * `DATALOADER_STOP_ITERATION` when the data runs out before an epoch's length and restarts.
 *
 * @example
 * ```ts
 * trainer.on(Events.ITERATION_COMPLETED({ every: 100 }), (engine) => console.log(engine.state.output));
 * trainer.on(Events.STARTED.or(Events.COMPLETED), () => console.log('edge of the run'));
 * ```
 */
export const Events = {
  STARTED: makeEvent('STARTED', 'started', 'epoch'),
  EPOCH_STARTED: makeEvent('EPOCH_STARTED', 'epoch_started', 'epoch'),
  GET_BATCH_STARTED: makeEvent('GET_BATCH_STARTED', 'get_batch_started', 'iteration'),
  GET_BATCH_COMPLETED: makeEvent('GET_BATCH_COMPLETED', 'get_batch_completed', 'iteration'),
  ITERATION_STARTED: makeEvent('ITERATION_STARTED', 'iteration_started', 'iteration'),
  ITERATION_COMPLETED: makeEvent('ITERATION_COMPLETED', 'iteration_completed', 'iteration'),
  EPOCH_COMPLETED: makeEvent('EPOCH_COMPLETED', 'epoch_completed', 'epoch'),
  COMPLETED: makeEvent('COMPLETED', 'completed', 'epoch'),
  EXCEPTION_RAISED: makeEvent('EXCEPTION_RAISED', 'exception_raised', undefined),
  TERMINATE: makeEvent('TERMINATE', 'terminate', undefined),
  TERMINATE_SINGLE_EPOCH: makeEvent('TERMINATE_SINGLE_EPOCH', 'terminate_single_epoch', undefined),
  DATALOADER_STOP_ITERATION: makeEvent('DATALOADER_STOP_ITERATION', 'dataloader_stop_iteration', undefined),
} as const;

const ENUM_MARK = Symbol('dl.ignite.EventEnum');

/** A group of custom events made by {@link defineEvents} (ignite's `EventEnum` subclass). */
export type EventEnum<K extends string = string> = { readonly [P in K]: CallableEventWithFilter };

/** Options of {@link defineEvents}. */
export interface DefineEventsOptions<K extends string> {
  /**
   * The `State` attribute each event's filters count (ignite's `event_to_attr`); the code that
   * fires the event keeps that attribute up to date. @default {}
   */
  eventToAttr?: Partial<Record<K, string>>;
}

/**
 * Defines custom events (ignite's `class MyEvents(EventEnum)`); register them with
 * `engine.registerEvents(MyEvents)` and fire them with `engine.fireEvent(MyEvents.X)`.
 *
 * @example
 * ```ts
 * const BackpropEvents = defineEvents({ BACKWARD_STARTED: 'backward_started', BACKWARD_COMPLETED: 'backward_completed' });
 * trainer.registerEvents(BackpropEvents);
 * trainer.on(BackpropEvents.BACKWARD_STARTED, () => console.log('backward'));
 * ```
 */
export function defineEvents<K extends string>(values: Record<K, string>, options: DefineEventsOptions<K> = {}): EventEnum<K> {
  if (values === null || typeof values !== 'object') throw new ValueError(`defineEvents: expected an object of NAME: 'value' pairs, got ${String(values)}`);
  const out: Record<string, CallableEventWithFilter> = {};
  for (const [name, value] of Object.entries(values) as [K, unknown][]) {
    if (typeof value !== 'string') throw new ValueError(`defineEvents: the value of ${name} should be a string, got ${typeof value}`);
    if (name in Events) throw new ValueError(`defineEvents: ${name} is already a built-in event`);
    out[name] = makeEvent(name, value, options.eventToAttr?.[name]);
  }
  Object.defineProperty(out, ENUM_MARK, { value: true });
  return Object.freeze(out) as EventEnum<K>;
}

/** @internal Whether a value came from {@link defineEvents}. */
export function isEventEnum(value: unknown): value is EventEnum {
  return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[ENUM_MARK] === true;
}

/** @internal The key handlers are stored under: the event's name. */
export function eventKey(event: EventName): string {
  return typeof event === 'string' ? event : event.name;
}

/** @internal The name of an event or list for messages. */
export function describeEvent(event: unknown): string {
  if (isEvent(event)) return String(event);
  if (event instanceof EventsList) return event.events.map((e) => describeEvent(e)).join(' | ');
  if (typeof event === 'string') return `'${event}'`;
  return String(event);
}
