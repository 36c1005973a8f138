import { ArgumentTypeError, ValueError } from '@dl/core';
import { describeInput } from '../functional/internal/image-input';
import { InterpolationMode } from '../functional/interpolation-mode';
import { pyFloats, pySeq } from './py-repr';

/** @internal A size torchvision's `_setup_size` made: `[h, w]`, and how its repr prints it. */
export interface SizeArg {
  size: [number, number];
  repr: string;
}

/** @internal A bad argument for messages: numbers, strings and arrays as written, other values described. */
export function describeArg(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) {
    try {
      return JSON.stringify(v);
    } catch {
      return `an array of length ${v.length}`;
    }
  }
  return describeInput(v);
}

function isNumberList(v: unknown): v is readonly number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

/**
 * @internal torchvision's `_setup_size`: a number `s` is `(s, s)`, `[s]` is `(s, s)`, `[h, w]`
 * stays a list; anything else is an error naming `op`.
 */
export function setupSize(size: unknown, op: string, what = 'size', message = 'Please provide only two dimensions (h, w) for size.'): SizeArg {
  if (typeof size === 'number') {
    if (!Number.isFinite(size)) throw new ValueError(`${op}: ${what} should be a finite number, got ${size}`);
    const s = Math.trunc(size);
    return { size: [s, s], repr: pySeq([s, s], 'tuple') };
  }
  if (!isNumberList(size)) throw new ArgumentTypeError(`${op}: ${what} should be a number or a list of numbers, got ${describeArg(size)}`);
  if (size.length === 1) return { size: [size[0]!, size[0]!], repr: pySeq([size[0], size[0]], 'tuple') };
  if (size.length !== 2) throw new ValueError(`${op}: ${message} Got ${size.length} values: [${size.join(', ')}]`);
  return { size: [size[0]!, size[1]!], repr: pySeq(size, 'list') };
}

/** @internal torchvision's `_check_sequence_input`: a list of numbers of one of `lengths`. */
export function checkSequence(x: unknown, name: string, lengths: readonly number[], op: string): readonly number[] {
  const msg = lengths.join(' or ');
  if (!isNumberList(x)) throw new ArgumentTypeError(`${op}: ${name} should be a sequence of length ${msg}, got ${describeArg(x)}`);
  if (!lengths.includes(x.length)) throw new ValueError(`${op}: ${name} should be a sequence of length ${msg}, got length ${x.length}: [${x.join(', ')}]`);
  return x;
}

/** @internal torchvision's `_setup_angle`: a number `d` is `[-d, d]` (d >= 0), a list is checked; floats. */
export function setupAngle(x: unknown, name: string, lengths: readonly number[], op: string): number[] {
  if (typeof x === 'number') {
    if (!(x >= 0)) throw new ValueError(`${op}: If ${name} is a single number, it must be positive, got ${x}`);
    return [0 - x, x];
  }
  return [...checkSequence(x, name, lengths, op)];
}

/** @internal A `[min, max]` pair the way torchvision's reprs print it (floats, list or tuple). */
export function floatPairRepr(values: readonly number[], kind: 'list' | 'tuple'): string {
  return pyFloats(values, kind);
}

/** @internal Throws unless `p` is a probability in [0, 1]. */
export function checkProbability(p: unknown, op: string, name = 'p'): number {
  if (typeof p !== 'number' || Number.isNaN(p)) throw new ArgumentTypeError(`${op}: ${name} should be a number (a probability), got ${describeArg(p)}`);
  if (p < 0 || p > 1) throw new ValueError(`${op}: ${name} should be a probability between 0 and 1, got ${p}`);
  return p;
}

const MODES: readonly string[] = Object.values(InterpolationMode);

/** @internal Checks an `interpolation` option (default `fallback`). */
export function checkInterpolation(value: unknown, fallback: InterpolationMode, op: string): InterpolationMode {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !MODES.includes(value)) {
    throw new ValueError(`${op}: interpolation should be one of ${MODES.map((m) => `'${m}'`).join(', ')}, got ${describeArg(value)}`);
  }
  return value as InterpolationMode;
}

/** @internal The enum name torchvision's AutoAugment reprs print: `InterpolationMode.NEAREST`. */
export function interpolationEnumName(mode: InterpolationMode): string {
  const key = Object.keys(InterpolationMode).find((k) => InterpolationMode[k as keyof typeof InterpolationMode] === mode);
  return `InterpolationMode.${key ?? mode}`;
}

/** @internal Checks a `fill` option: a number or a list of numbers (torchvision's TypeError otherwise). */
export function checkFill(fill: unknown, op: string): number | readonly number[] {
  if (fill === undefined || fill === null) return 0;
  if (typeof fill === 'number' || isNumberList(fill)) return fill;
  throw new ArgumentTypeError(`${op}: Fill should be either a sequence or a number, got ${describeArg(fill)}`);
}
