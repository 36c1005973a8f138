import { ValueError, type optim } from '@dl/core';
import type { Engine } from '../engine/engine';
import type { CallableEventWithFilter, EventName } from '../engine/events';
import type { MetricValue } from '../metrics/metric-value';
import type { LogRecord } from './log-record';

/** Options of {@link BaseLogger.attachOutputHandler} (ignite's `OutputHandler`). */
export interface OutputHandlerOptions {
  /** When to log. */
  eventName: CallableEventWithFilter | string;
  /** Names the records (`'training'`, `'validation'`). */
  tag: string;
  /** Metrics from `state.metrics` to log; 'all' logs every one. @default none */
  metricNames?: string[] | 'all';
  /** Values from `state.output`: a number is logged as `output`, an object by its keys. @default none */
  outputTransform?: (output: unknown) => number | Record<string, MetricValue>;
  /** The step of each record, e.g. `globalStepFromEngine(trainer)` for an evaluator. @default the event's counter */
  globalStepTransform?: (engine: Engine, eventName: string) => number;
  /** `state` fields to log. @default none */
  stateAttributes?: string[];
}

/** Options of {@link BaseLogger.attachOptParamsHandler} (ignite's `OptimizerParamsHandler`). */
export interface OptParamsHandlerOptions {
  /** When to log. */
  eventName: CallableEventWithFilter | string;
  /** The optimizer to read. */
  optimizer: optim.Optimizer<object>;
  /** The group field to log. @default 'lr' */
  paramName?: string;
  /** Prefix of the logged names: `{tag}/{paramName}/group_{i}`. @default undefined */
  tag?: string;
}

/**
 * A step function for records of one engine taken from another (ignite's
 * `global_step_from_engine`): the evaluator's records use the trainer's epoch.
 *
 * @example
 * ```ts
 * logger.attachOutputHandler(evaluator, { eventName: Events.COMPLETED, tag: 'validation', metricNames: 'all', globalStepTransform: globalStepFromEngine(trainer) });
 * ```
 */
export function globalStepFromEngine(engine: Engine, customEventName?: EventName): (other: Engine, eventName: string | null) => number {
  return (_other, eventName) => {
    const name = (customEventName === undefined ? eventName : typeof customEventName === 'string' ? customEventName : customEventName.name) ?? 'EPOCH_COMPLETED';
    const attr = name.startsWith('ITERATION') || name.startsWith('GET_BATCH') ? 'iteration' : 'epoch';
    return engine.state[attr] as number;
  };
}

/**
 * Base of the loggers (ignite's `BaseLogger`): handlers that turn engine state into
 * {@link LogRecord}s, and `write` / `close` that subclasses implement.
 *
 * @example
 * ```ts
 * class MemoryLogger extends BaseLogger {
 *   records: LogRecord[] = [];
 *   write(r: LogRecord) { this.records.push(r); }
 * }
 * ```
 */
export abstract class BaseLogger {
  /** Writes one record. */
  abstract write(record: LogRecord): void | Promise<void>;

  /** Flushes and releases what the logger holds (files). */
  close(): void | Promise<void> {}

  /**
   * Logs metrics, output values and state fields of `engine` on an event.
   *
   * @example
   * ```ts
   * logger.attachOutputHandler(trainer, { eventName: Events.ITERATION_COMPLETED({ every: 100 }), tag: 'training', outputTransform: (loss) => ({ loss: loss as number }) });
   * ```
   */
  attachOutputHandler(engine: Engine, options: OutputHandlerOptions): void {
    const { tag, metricNames, outputTransform, globalStepTransform, stateAttributes } = options;
    const op = `${this.constructor.name}.attachOutputHandler`;
    if (typeof tag !== 'string') throw new ValueError(`${op}: tag should be a string, got ${typeof tag}`);
    if (metricNames !== undefined && metricNames !== 'all' && !(Array.isArray(metricNames) && metricNames.every((n) => typeof n === 'string'))) {
      throw new ValueError(`${op}: metricNames should be a list of names or 'all', got ${JSON.stringify(metricNames)}`);
    }
    if (metricNames === undefined && outputTransform === undefined && stateAttributes === undefined) {
      throw new ValueError(`${op}: give at least one of metricNames, outputTransform or stateAttributes`);
    }
    engine.addEventHandler(options.eventName, (e: Engine) => {
      const event = e.lastEventName ?? '';
      const values: Record<string, MetricValue> = {};
      const m = e.state.metrics;
      for (const n of metricNames === 'all' ? Object.keys(m) : (metricNames ?? [])) {
        if (!(n in m)) throw new ValueError(`${op}: metric '${n}' is not in engine.state.metrics (have: ${Object.keys(m).join(', ')})`);
        values[n] = m[n];
      }
      if (outputTransform) {
        const out = outputTransform(e.state.output);
        if (typeof out === 'number') values.output = out;
        else for (const [k, v] of Object.entries(out)) values[k] = v;
      }
      for (const a of stateAttributes ?? []) values[a] = e.state[a] as MetricValue;
      const attr = event.startsWith('ITERATION') || event.startsWith('GET_BATCH') ? 'iteration' : 'epoch';
      const step = globalStepTransform ? globalStepTransform(e, event) : (e.state[attr] as number);
      return this.write({ tag, event, step, epoch: e.state.epoch, iteration: e.state.iteration, time: new Date().toISOString(), values });
    });
  }

  /**
   * Logs an optimizer parameter (the learning rate) of every group on an event.
   *
   * @example
   * ```ts
   * logger.attachOptParamsHandler(trainer, { eventName: Events.ITERATION_STARTED, optimizer });
   * ```
   */
  attachOptParamsHandler(engine: Engine, options: OptParamsHandlerOptions): void {
    const paramName = options.paramName ?? 'lr';
    const { optimizer, tag } = options;
    if (optimizer === null || typeof optimizer !== 'object' || !Array.isArray(optimizer.paramGroups)) {
      throw new ValueError(`${this.constructor.name}.attachOptParamsHandler: optimizer should be an Optimizer (with paramGroups)`);
    }
    engine.addEventHandler(options.eventName, (e: Engine) => {
      const values: Record<string, MetricValue> = {};
      optimizer.paramGroups.forEach((g, i) => {
        values[`${tag ? `${tag}/` : ''}${paramName}/group_${i}`] = (g as Record<string, unknown>)[paramName] as number;
      });
      return this.write({ tag: tag ?? 'optimizer', event: e.lastEventName ?? '', step: e.state.iteration, epoch: e.state.epoch, iteration: e.state.iteration, time: new Date().toISOString(), values });
    });
  }
}
