/**
 * What a metric computes: a number, an array (per-class values, a confusion matrix's rows), or a
 * record of named values.
 */
export type MetricValue = number | MetricValue[] | { [name: string]: MetricValue };
