import { ValueError, noGrad } from '@dl/core';
import type { Engine } from '../engine/engine';
import type { MetricValue } from './metric-value';
import { toUsage, type MetricUsage, type MetricUsageName } from './metric-usage';
import { elementwise, flatNumbers } from './value-ops';

/** Turns the engine's `state.output` into what a metric's `update` takes. */
export type OutputTransform<I> = (output: unknown) => I;

/** Options every metric takes. */
export interface MetricOptions<I> {
  /**
   * Maps the engine's output to the metric's input, e.g. `({ yPred, y }) => [yPred, y]`. An
   * object output with `yPred` and `y` keys is turned into `[yPred, y]` without it.
   * @default the output itself
   */
  outputTransform?: OutputTransform<I>;
}

/** What `Metric.stateDict()` returns: the metric's accumulators, by field name. */
export type MetricStateDict = Record<string, unknown>;

type LambdaFactory = (fn: (...values: never[]) => MetricValue, args: unknown[]) => Metric<unknown, MetricValue>;
let lambdaFactory: LambdaFactory | null = null;

/** @internal Lets MetricsLambda plug in without an import cycle. */
export function _registerMetricsLambda(factory: LambdaFactory): void {
  lambdaFactory = factory;
}

function lambda(fn: (...values: never[]) => MetricValue, ...args: unknown[]): Metric<unknown, MetricValue> {
  if (!lambdaFactory) throw new ValueError('Metric arithmetic: MetricsLambda is not loaded');
  return lambdaFactory(fn, args);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Base class of metrics (ignite's `Metric`): `reset()`, `update(output)` per batch and
 * `compute()`; `attach(engine, name)` runs them on the engine's events and writes
 * `engine.state.metrics[name]`. Metrics combine with arithmetic (`a.div(b)`, `a.mean()`), which
 * builds a {@link MetricsLambda}. Subclasses list their accumulator fields in `stateKeys` for
 * `stateDict()`, and call `this.reset()` at the end of their constructor.
 *
 * @example
 * ```ts
 * class MeanOutput extends Metric<number, number> {
 *   protected override readonly stateKeys = ['total', 'count'];
 *   private total = 0;
 *   private count = 0;
 *   constructor() { super(); this.reset(); }
 *   reset() { this.total = 0; this.count = 0; }
 *   update(x: number) { this.total += x; this.count++; }
 *   compute() { return this.total / this.count; }
 * }
 * ```
 */
export abstract class Metric<I = unknown, V extends MetricValue = MetricValue> {
  /** Keys read from an object output (ignite's `required_output_keys`); null accepts any output. */
  readonly requiredOutputKeys: readonly string[] | null = ['yPred', 'y'];
  /** Keys also read from an object output when present (Loss's `criterionKwargs`). */
  readonly optionalOutputKeys: readonly string[] = [];
  /** The fields `stateDict()` saves. */
  protected readonly stateKeys: readonly string[] = [];
  /** Maps the engine output to `update`'s input. */
  protected readonly outputTransform: OutputTransform<I>;
  private skipNextReset = false;

  /** The handler `attach` registers on the usage's STARTED event. */
  readonly startedHandler = (engine: Engine): void => this.started(engine);
  /** The handler `attach` registers on the usage's ITERATION_COMPLETED event. */
  readonly iterationCompletedHandler = (engine: Engine): void => this.iterationCompleted(engine);
  /** The handler `attach` registers on the usage's COMPLETED event. */
  readonly completedHandler = (engine: Engine, name: unknown): void => this.completed(engine, name as string);

  constructor(options: MetricOptions<I> = {}) {
    if (options.outputTransform !== undefined && typeof options.outputTransform !== 'function') {
      throw new ValueError(`${new.target.name}: outputTransform should be a function, got ${typeof options.outputTransform}`);
    }
    this.outputTransform = options.outputTransform ?? ((x: unknown) => x as I);
  }

  /** Clears the accumulated state. */
  abstract reset(): void;
  /** Accumulates one batch. */
  abstract update(output: I): void;
  /** The metric's value from everything accumulated since `reset()`. */
  abstract compute(): V;

  /** Resets, unless a `loadStateDict` came just before (so resumed runs keep restored values). */
  started(_engine: Engine): void {
    if (this.skipNextReset) this.skipNextReset = false;
    else this.reset();
  }

  /** Updates with the engine's transformed output, without recording gradients. */
  iterationCompleted(engine: Engine): void {
    let output: unknown = this.outputTransform(engine.state.output);
    const keys = this.requiredOutputKeys;
    if (isPlainObject(output) && keys !== null) {
      const missing = keys.filter((k) => !(k in (output as object)));
      if (missing.length > 0) {
        throw new ValueError(`${this.constructor.name}: when the transformed engine output is an object, it should contain the keys [${keys.join(', ')}], got [${Object.keys(output).join(', ')}]`);
      }
      const obj = output;
      output = [...keys, ...this.optionalOutputKeys.filter((k) => k in obj)].map((k) => obj[k]);
    }
    noGrad(() => this.update(output as I));
  }

  /** Computes and writes `engine.state.metrics[name]` (a record's keys too, as ignite does). */
  completed(engine: Engine, name: string): void {
    const result = this.compute();
    if (isPlainObject(result)) {
      if (name in result) throw new ValueError(`${this.constructor.name}: argument name '${name}' is conflicting with mapping keys: [${Object.keys(result).join(', ')}]`);
      for (const [k, v] of Object.entries(result)) engine.state.metrics[k] = v as MetricValue;
    }
    engine.state.metrics[name] = result;
  }

  /**
   * Runs the metric on `engine` and writes its value to `engine.state.metrics[name]`.
   *
   * @param usage when to reset/update/compute. @default 'epochWise'
   * @example
   * ```ts
   * new Accuracy().attach(evaluator, 'accuracy');
   * ```
   */
  attach(engine: Engine, name: string, usage: MetricUsage | MetricUsageName = 'epochWise'): void {
    const u = toUsage(usage, `${this.constructor.name}.attach`);
    if (typeof name !== 'string' || name.length === 0) throw new ValueError(`${this.constructor.name}.attach: name should be a non-empty string, got ${String(name)}`);
    if (!engine.hasEventHandler(this.startedHandler, u.STARTED)) engine.addEventHandler(u.STARTED, this.startedHandler);
    if (!engine.hasEventHandler(this.iterationCompletedHandler, u.ITERATION_COMPLETED)) engine.addEventHandler(u.ITERATION_COMPLETED, this.iterationCompletedHandler);
    engine.addEventHandler(u.COMPLETED, this.completedHandler, name);
  }

  /**
   * Takes the metric off `engine`.
   *
   * @example
   * ```ts
   * accuracy.detach(evaluator);
   * ```
   */
  detach(engine: Engine, usage: MetricUsage | MetricUsageName = 'epochWise'): void {
    const u = toUsage(usage, `${this.constructor.name}.detach`);
    if (engine.hasEventHandler(this.completedHandler, u.COMPLETED)) engine.removeEventHandler(this.completedHandler, u.COMPLETED);
    if (engine.hasEventHandler(this.startedHandler, u.STARTED)) engine.removeEventHandler(this.startedHandler, u.STARTED);
    if (engine.hasEventHandler(this.iterationCompletedHandler, u.ITERATION_COMPLETED)) engine.removeEventHandler(this.iterationCompletedHandler, u.ITERATION_COMPLETED);
  }

  /**
   * Whether the metric is attached to `engine` with this usage.
   *
   * @example
   * ```ts
   * accuracy.isAttached(evaluator); // true
   * ```
   */
  isAttached(engine: Engine, usage: MetricUsage | MetricUsageName = 'epochWise'): boolean {
    const u = toUsage(usage, `${this.constructor.name}.isAttached`);
    return engine.hasEventHandler(this.completedHandler, u.COMPLETED);
  }

  /**
   * The accumulators (numbers and arrays), for checkpoints: a resumed run restores them with
   * `loadStateDict` and continues accumulating.
   *
   * @example
   * ```ts
   * const sd = runningLoss.stateDict(); // { value: 0.42 }
   * ```
   */
  stateDict(): MetricStateDict {
    const self = this as unknown as Record<string, unknown>;
    const out: MetricStateDict = {};
    for (const k of this.stateKeys) {
      const v = self[k];
      out[k] = v instanceof Metric ? v.stateDict() : v === undefined ? null : structuredClone(v);
    }
    return out;
  }

  /**
   * Restores `stateDict()`; the next reset by `started` is skipped so an attached metric
   * resumes with these values.
   *
   * @example
   * ```ts
   * runningLoss.loadStateDict(checkpoint.runningLoss);
   * ```
   */
  loadStateDict(stateDict: MetricStateDict): void {
    const op = `${this.constructor.name}.loadStateDict`;
    if (!isPlainObject(stateDict)) throw new ValueError(`${op}: state_dict should be an object, got ${stateDict === null ? 'null' : typeof stateDict}`);
    const self = this as unknown as Record<string, unknown>;
    for (const k of this.stateKeys) {
      if (!(k in stateDict)) throw new ValueError(`${op}: required state attribute '${k}' is absent in provided state_dict (keys: ${Object.keys(stateDict).join(', ')})`);
    }
    for (const k of this.stateKeys) {
      const cur = self[k];
      if (cur instanceof Metric) cur.loadStateDict(stateDict[k] as MetricStateDict);
      else if (!(cur === undefined && stateDict[k] === null)) self[k] = structuredClone(stateDict[k]);
    }
    this.skipNextReset = true;
  }

  /** `this + other`. @example `const total = a.add(b);` */
  add(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p + q, 'Metric.add'), this, other);
  }
  /** `this - other`. @example `const gap = a.sub(b);` */
  sub(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p - q, 'Metric.sub'), this, other);
  }
  /** `this * other`. @example `const scaled = a.mul(100);` */
  mul(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p * q, 'Metric.mul'), this, other);
  }
  /** `this / other`. @example `const f1 = precision.mul(recall).mul(2).div(precision.add(recall));` */
  div(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p / q, 'Metric.div'), this, other);
  }
  /** `this ** other`. @example `const rmse = mse.pow(0.5);` */
  pow(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p ** q, 'Metric.pow'), this, other);
  }
  /** `this % other` (Python's sign rule). @example `const r = a.mod(2);` */
  mod(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => p - Math.floor(p / q) * q, 'Metric.mod'), this, other);
  }
  /** `this // other`. @example `const q = a.floorDiv(2);` */
  floorDiv(other: Metric | number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue, y: MetricValue) => elementwise(x, y, (p, q) => Math.floor(p / q), 'Metric.floorDiv'), this, other);
  }
  /** The mean of a vector value (of every number of a matrix). @example `const macro = recall.mean();` */
  mean(): Metric<unknown, number> {
    return lambda((x: MetricValue) => {
      const v = flatNumbers(x, 'Metric.mean');
      return v.reduce((s, n) => s + n, 0) / v.length;
    }, this) as Metric<unknown, number>;
  }
  /** The sum of a vector value (of every number of a matrix). @example `const total = perClass.sum();` */
  sum(): Metric<unknown, number> {
    return lambda((x: MetricValue) => flatNumbers(x, 'Metric.sum').reduce((s, n) => s + n, 0), this) as Metric<unknown, number>;
  }
  /** One element of a vector value (ignite's `metric[index]`). @example `const catRecall = recall.at(3);` */
  at(index: number): Metric<unknown, MetricValue> {
    return lambda((x: MetricValue) => {
      if (!Array.isArray(x)) throw new ValueError(`Metric.at: the value is not an array`);
      const i = index < 0 ? x.length + index : index;
      if (!Number.isInteger(i) || i < 0 || i >= x.length) throw new ValueError(`Metric.at: index ${index} is out of range for a value of length ${x.length}`);
      return x[i] as MetricValue;
    }, this);
  }
  /** Any function of the value. @example `const pct = accuracy.apply((a) => (a as number) * 100);` */
  apply(fn: (value: V) => MetricValue): Metric<unknown, MetricValue> {
    return lambda(fn as (...values: never[]) => MetricValue, this);
  }
}
