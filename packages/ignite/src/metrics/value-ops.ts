import { ValueError } from '@dl/core';
import type { MetricValue } from './metric-value';

/** A metric value or a plain number in metric arithmetic. */
type Operand = MetricValue;

/**
 * @internal Applies `f` elementwise to two metric values, broadcasting numbers over vectors and
 * matrices (what `a.div(b)` does on ignite's tensors). Vectors must have equal lengths.
 */
export function elementwise(a: Operand, b: Operand, f: (x: number, y: number) => number, op: string): MetricValue {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  if (typeof a === 'number' && Array.isArray(b)) return (b as Operand[]).map((v) => elementwise(a, v, f, op)) as MetricValue;
  if (Array.isArray(a) && typeof b === 'number') return (a as Operand[]).map((v) => elementwise(v, b, f, op)) as MetricValue;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new ValueError(`${op}: cannot combine metric values of lengths ${a.length} and ${b.length}`);
    return (a as Operand[]).map((v, i) => elementwise(v, (b as Operand[])[i], f, op)) as MetricValue;
  }
  throw new ValueError(`${op}: metric arithmetic takes numbers and arrays of numbers, got ${typeof a === 'object' ? 'a record' : typeof a} and ${typeof b === 'object' ? 'a record' : typeof b}`);
}

/** @internal Every number of a value, flattened. */
export function flatNumbers(v: MetricValue, op: string): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return (v as MetricValue[]).flatMap((x) => flatNumbers(x, op));
  throw new ValueError(`${op}: expected a number or an array of numbers, got a record`);
}
