import { ValueError } from '../../errors/value-error';
import type { SchedulableOptimizer } from './lr-scheduler';
import type { LrLambda } from './lambda-lr';

/** @internal Python's `%` (the result takes the divisor's sign). */
export function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** @internal Checks `value` is an integer >= `min`, with PyTorch's message. */
export function checkInt(scheduler: string, what: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValueError(`${scheduler}: Expected ${min === 1 ? 'positive integer' : `integer >= ${min}`} ${what}, but got ${String(value)}`);
  }
}

/** @internal Copies arrays and plain objects so saved states do not alias live ones. */
export function copyValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyValue);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyValue(x)]));
  }
  return v;
}

/** @internal A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an instance of ${(v as object).constructor?.name ?? 'Object'}`;
  return `${typeof v} ${String(v)}`;
}

/** @internal One function per group, checking the count. */
export function lambdasFor(scheduler: string, optimizer: SchedulableOptimizer, lrLambda: LrLambda | LrLambda[]): LrLambda[] {
  const n = optimizer.paramGroups.length;
  if (typeof lrLambda === 'function') return Array.from({ length: n }, () => lrLambda);
  if (!Array.isArray(lrLambda) || !lrLambda.every((f) => typeof f === 'function')) {
    throw new ValueError(`${scheduler}: lrLambda must be a function or an array of functions`);
  }
  if (lrLambda.length !== n) throw new ValueError(`${scheduler}: Expected ${n} lr_lambdas, but got ${lrLambda.length}`);
  return lrLambda.slice();
}
