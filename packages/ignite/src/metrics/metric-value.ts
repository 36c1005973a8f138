/**
 * What a metric computes: a number, a vector (per-class values), a matrix (a confusion matrix),
 * or a record of named values.
 */
export type MetricValue = number | number[] | number[][] | { [name: string]: MetricValue };
