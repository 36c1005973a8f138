import { ValueError } from '@dl/core';
import type { EventFilter, EventFilterOptions } from '../engine/event-filters';
import { Events, type CallableEventWithFilter } from '../engine/events';

/**
 * When an attached metric resets, updates and computes (ignite's `MetricUsage`): the events of
 * its `STARTED`, `ITERATION_COMPLETED` and `COMPLETED` steps.
 */
export class MetricUsage {
  constructor(
    /** The usage's name (`'epochWise'`, ...). */
    readonly usageName: string,
    /** When the metric resets. */
    readonly STARTED: CallableEventWithFilter,
    /** When the metric computes and writes `state.metrics[name]`. */
    readonly COMPLETED: CallableEventWithFilter,
    /** When the metric updates with the engine's output. */
    readonly ITERATION_COMPLETED: CallableEventWithFilter,
  ) {}
}

/**
 * Reset at each epoch start, update every iteration, compute at epoch end (the default).
 *
 * @example
 * ```ts
 * new Accuracy().attach(evaluator, 'accuracy', new EpochWise());
 * ```
 */
export class EpochWise extends MetricUsage {
  constructor() {
    super('epochWise', Events.EPOCH_STARTED, Events.EPOCH_COMPLETED, Events.ITERATION_COMPLETED);
  }
}

/**
 * Reset once when the run starts, update and compute at every epoch end (a running value over epochs).
 *
 * @example
 * ```ts
 * metric.attach(trainer, 'runningValue', new RunningEpochWise());
 * ```
 */
export class RunningEpochWise extends MetricUsage {
  constructor() {
    super('runningEpochWise', Events.STARTED, Events.EPOCH_COMPLETED, Events.EPOCH_COMPLETED);
  }
}

/**
 * Reset, update and compute within every iteration (a per-batch value).
 *
 * @example
 * ```ts
 * new Accuracy().attach(trainer, 'batchAccuracy', new BatchWise());
 * ```
 */
export class BatchWise extends MetricUsage {
  constructor() {
    super('batchWise', Events.ITERATION_STARTED, Events.ITERATION_COMPLETED, Events.ITERATION_COMPLETED);
  }
}

/**
 * Reset once when the run starts, update and compute every iteration (RunningAverage's default).
 *
 * @example
 * ```ts
 * new RunningAverage({ outputTransform: (x) => x as number }).attach(trainer, 'loss', new RunningBatchWise());
 * ```
 */
export class RunningBatchWise extends MetricUsage {
  constructor() {
    super('runningBatchWise', Events.STARTED, Events.ITERATION_COMPLETED, Events.ITERATION_COMPLETED);
  }
}

/**
 * Reset at each epoch start, update and compute every iteration (a running value within an epoch).
 *
 * @example
 * ```ts
 * new RunningAverage({ outputTransform: (x) => x as number }).attach(trainer, 'loss', new SingleEpochRunningBatchWise());
 * ```
 */
export class SingleEpochRunningBatchWise extends MetricUsage {
  constructor() {
    super('singleEpochRunningBatchWise', Events.EPOCH_STARTED, Events.ITERATION_COMPLETED, Events.ITERATION_COMPLETED);
  }
}

/**
 * Epoch-wise, but updated only on the iterations the filter lets through.
 *
 * @example
 * ```ts
 * new Accuracy().attach(trainer, 'sampledAccuracy', new BatchFiltered({ every: 10 }));
 * ```
 */
export class BatchFiltered extends MetricUsage {
  constructor(filter: EventFilterOptions | EventFilter) {
    super('batchFiltered', Events.EPOCH_STARTED, Events.EPOCH_COMPLETED, Events.ITERATION_COMPLETED(filter));
  }
}

/** A usage by name: ignite's names (`'epoch_wise'`) or camelCase ones (`'epochWise'`). */
export type MetricUsageName =
  | 'epochWise'
  | 'runningEpochWise'
  | 'batchWise'
  | 'runningBatchWise'
  | 'singleEpochRunningBatchWise'
  | 'epoch_wise'
  | 'running_epoch_wise'
  | 'batch_wise'
  | 'running_batch_wise'
  | 'single_epoch_running_batch_wise';

const USAGES: Record<string, () => MetricUsage> = {
  epochWise: () => new EpochWise(),
  runningEpochWise: () => new RunningEpochWise(),
  batchWise: () => new BatchWise(),
  runningBatchWise: () => new RunningBatchWise(),
  singleEpochRunningBatchWise: () => new SingleEpochRunningBatchWise(),
};

/** @internal A usage from its name or itself, with ignite's message for unknown names. */
export function toUsage(usage: MetricUsage | MetricUsageName, op: string): MetricUsage {
  if (usage instanceof MetricUsage) return usage;
  if (typeof usage === 'string') {
    const camel = usage.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const make = USAGES[camel];
    if (make) return make();
  }
  throw new ValueError(
    `${op}: usage should be 'epochWise', 'runningEpochWise', 'batchWise', 'runningBatchWise', 'singleEpochRunningBatchWise' (or ignite's snake_case names) or a MetricUsage, got ${JSON.stringify(usage)}`,
  );
}
