import { ArgumentTypeError, ValueError } from '@dl/core';
import { pyFloat, pySeq } from './py-repr';
import { describeArg } from './transform-args';

/** @internal Checks the `fill` of the auto-augment transforms: null (none), a number or a list of numbers. */
export function checkAugmentFill(fill: unknown, op: string): number | readonly number[] | null {
  if (fill === undefined || fill === null) return null;
  if (typeof fill === 'number') return fill;
  if (Array.isArray(fill) && fill.every((v) => typeof v === 'number')) return [...fill] as number[];
  throw new ArgumentTypeError(`${op}: fill should be a number, a list of numbers or null, got ${describeArg(fill)}`);
}

/** @internal The fill as torchvision's auto-augment reprs print it (`None`, `[128, 128, 128]`). */
export function augmentFillRepr(fill: number | readonly number[] | null): string {
  if (fill === null) return 'None';
  return typeof fill === 'number' ? pyFloat(fill).replace(/\.0$/, '') : pySeq(fill, 'list');
}

/** @internal Throws unless `value` is an integer >= `min`. */
export function checkInt(value: unknown, name: string, min: number, op: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new (typeof value === 'number' ? ValueError : ArgumentTypeError)(`${op}: ${name} should be an integer >= ${min}, got ${describeArg(value)}`);
  }
  return value;
}
