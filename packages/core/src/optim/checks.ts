import { ValueError } from '../errors/value-error';

/** @internal Throws ValueError `<opt>: Invalid <what>: <value>` unless value is a number >= 0. */
export function checkNonNegative(opt: string, what: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0)) throw new ValueError(`${opt}: Invalid ${what}: ${String(value)} (expected a number >= 0)`);
}

/** @internal Throws ValueError unless value is a number in [lo, hi) (or [lo, hi] when closed). */
export function checkRange(opt: string, what: string, value: unknown, lo: number, hi: number, closed = false): void {
  const ok = typeof value === 'number' && value >= lo && (closed ? value <= hi : value < hi);
  if (!ok) throw new ValueError(`${opt}: Invalid ${what}: ${String(value)} (expected a number in [${lo}, ${hi}${closed ? ']' : ')'})`);
}
