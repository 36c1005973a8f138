import { ValueError } from '@dl/core';

/** @internal A pixel limit checked: a positive integer, or Infinity for none. */
export function checkMaxPixels(value: unknown, op: string): number {
  if (value === null) return Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0))) {
    throw new ValueError(`${op}: maxPixels must be a positive integer, Infinity or null (no limit), got ${String(value)}`);
  }
  return value;
}
