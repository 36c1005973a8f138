import type { MetricValue } from '../metrics/metric-value';

/**
 * What an Engine knows about its run (ignite's `State`), shared by the process function and every
 * handler: 1-based `epoch` and `iteration` counters, the last `batch` and `output`, `metrics`
 * written by attached metrics, `times` per event, and any fields handlers add.
 *
 * @example
 * ```ts
 * trainer.on(Events.ITERATION_COMPLETED, (engine) => {
 *   const { epoch, iteration, output } = engine.state;
 *   console.log(`epoch ${epoch} iteration ${iteration}: loss ${output}`);
 * });
 * ```
 */
export class State<B = unknown, O = unknown> {
  /** Iterations run so far (1-based while running: the first iteration is 1). */
  iteration = 0;
  /** The current epoch (1-based while running). */
  epoch = 0;
  /** Iterations per epoch (the data's length unless `run` was given `epochLength`). */
  epochLength: number | undefined = undefined;
  /** The epoch the run stops after. */
  maxEpochs: number | undefined = undefined;
  /** What the process function returned for the current batch. */
  output: O | undefined = undefined;
  /** The current batch. */
  batch: B | undefined = undefined;
  /** Values of attached metrics, by name. */
  metrics: Record<string, MetricValue> = {};
  /** The data the engine iterates. */
  dataloader: unknown = undefined;
  /** The seed of a deterministic run (each pass over the data reseeds with `seed + pass`). */
  seed: number | undefined = undefined;
  /** Seconds taken: `EPOCH_COMPLETED` (the last epoch) and `COMPLETED` (the whole run). */
  times: Record<string, number | undefined> = { EPOCH_COMPLETED: undefined, COMPLETED: undefined };
  /** Fields added by handlers and custom events. */
  [key: string]: unknown;
}
