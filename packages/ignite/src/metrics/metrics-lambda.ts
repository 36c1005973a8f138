import { ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import { Metric, _registerMetricsLambda, type MetricStateDict } from './metric';
import type { MetricValue } from './metric-value';
import { toUsage, type MetricUsage, type MetricUsageName } from './metric-usage';

/**
 * A metric computed from other metrics by a function (ignite's `MetricsLambda`); metric
 * arithmetic (`a.div(b)`) builds one. Attaching it attaches the metrics it reads; its
 * `update` feeds them when used without an engine.
 *
 * @example
 * ```ts
 * const precision = new Precision({ average: false });
 * const recall = new Recall({ average: false });
 * const f1 = new MetricsLambda((p: number[], r: number[]) => p.map((pi, i) => (2 * pi * r[i]) / (pi + r[i] + 1e-20)), precision, recall);
 * f1.attach(evaluator, 'f1');
 * ```
 */
export class MetricsLambda<V extends MetricValue = MetricValue> extends Metric<unknown, V> {
  override readonly requiredOutputKeys = null;
  protected override readonly stateKeys = ['updated'];
  /** The arguments: metrics (computed first) and plain values. */
  readonly args: readonly unknown[];
  private readonly fn: (...values: never[]) => V;
  private engine: Engine | null = null;
  private updated = false;

  constructor(fn: (...values: never[]) => V, ...args: unknown[]) {
    super();
    if (typeof fn !== 'function') throw new ValueError(`MetricsLambda: f should be a function, got ${typeof fn}`);
    this.fn = fn;
    this.args = args;
    this.reset();
  }

  private metrics(): Metric[] {
    return this.args.filter((a): a is Metric => a instanceof Metric);
  }

  reset(): void {
    for (const m of this.metrics()) m.reset();
    this.updated = false;
  }

  update(output: unknown): void {
    if (this.engine) throw new ValueError("MetricsLambda: it is already attached to an engine, and MetricsLambda can't use the update API while it's attached");
    for (const m of this.metrics()) m.update(output);
    this.updated = true;
  }

  compute(): V {
    const values = this.args.map((a) => (a instanceof Metric ? a.compute() : a));
    return (this.fn as (...v: unknown[]) => V)(...values);
  }

  private internalAttach(engine: Engine, usage: MetricUsage): void {
    this.engine = engine;
    for (const m of this.metrics()) {
      if (m instanceof MetricsLambda) m.internalAttach(engine, usage);
      else {
        if (!engine.hasEventHandler(m.startedHandler, usage.STARTED)) engine.addEventHandler(usage.STARTED, m.startedHandler);
        if (!engine.hasEventHandler(m.iterationCompletedHandler, usage.ITERATION_COMPLETED)) engine.addEventHandler(usage.ITERATION_COMPLETED, m.iterationCompletedHandler);
      }
    }
  }

  override attach(engine: Engine, name: string, usage: MetricUsage | MetricUsageName = 'epochWise'): void {
    if (this.updated) throw new ValueError("MetricsLambda.attach: the underlying metrics are already updated, can't attach while using the reset/update/compute API");
    const u = toUsage(usage, 'MetricsLambda.attach');
    if (typeof name !== 'string' || name.length === 0) throw new ValueError(`MetricsLambda.attach: name should be a non-empty string, got ${String(name)}`);
    this.internalAttach(engine, u);
    engine.addEventHandler(u.COMPLETED, this.completedHandler, name);
  }

  override detach(engine: Engine, usage: MetricUsage | MetricUsageName = 'epochWise'): void {
    super.detach(engine, usage);
    const u = toUsage(usage, 'MetricsLambda.detach');
    for (const m of this.metrics()) {
      if (engine.hasEventHandler(m.startedHandler, u.STARTED)) engine.removeEventHandler(m.startedHandler, u.STARTED);
      if (engine.hasEventHandler(m.iterationCompletedHandler, u.ITERATION_COMPLETED)) engine.removeEventHandler(m.iterationCompletedHandler, u.ITERATION_COMPLETED);
    }
    this.engine = null;
  }

  override stateDict(): MetricStateDict {
    return { updated: this.updated, args: this.args.map((a) => (a instanceof Metric ? a.stateDict() : null)) };
  }

  override loadStateDict(stateDict: MetricStateDict): void {
    super.loadStateDict(stateDict);
    const saved = stateDict.args;
    if (!Array.isArray(saved) || saved.length !== this.args.length) throw new ValueError(`MetricsLambda.loadStateDict: expected 'args' with ${this.args.length} entries`);
    this.args.forEach((a, i) => {
      if (a instanceof Metric) a.loadStateDict(saved[i] as MetricStateDict);
    });
  }
}

_registerMetricsLambda((fn, args) => new MetricsLambda(fn, ...args));
