import type { MetricValue } from '../metrics/metric-value';

/** One logged line: which engine/tag, at which step, and the values. */
export interface LogRecord {
  /** The tag given at attach time (`'training'`, `'validation'`). */
  tag: string;
  /** The event that triggered the record (`'EPOCH_COMPLETED'`). */
  event: string;
  /** The global step (from `globalStepTransform`, else the event's counter). */
  step: number;
  /** The logged engine's epoch and iteration. */
  epoch: number;
  iteration: number;
  /** Wall-clock time, ISO 8601. */
  time: string;
  /** Values by name: metrics, output values, state fields, optimizer parameters. */
  values: Record<string, MetricValue>;
}

/** @internal Flattens values to scalar columns: `acc`, `recall[0]`, `cm[1][2]`, `report.f1`. */
export function flattenValues(values: Record<string, MetricValue>): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (name: string, v: MetricValue): void => {
    if (typeof v === 'number') out[name] = v;
    else if (Array.isArray(v)) (v as MetricValue[]).forEach((x, i) => { walk(`${name}[${i}]`, x); });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${name}.${k}`, x);
  };
  for (const [k, v] of Object.entries(values)) walk(k, v);
  return out;
}
