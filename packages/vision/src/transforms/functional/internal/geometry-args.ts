import { ArgumentTypeError, ValueError } from '@dl/core';
import { InterpolationMode } from '../interpolation-mode';
import { describeInput } from './image-input';

const MODES: readonly string[] = Object.values(InterpolationMode);

/** @internal Checks an `interpolation` option (default `fallback`) and returns it. */
export function parseInterpolation(value: unknown, fallback: InterpolationMode, op: string): InterpolationMode {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') {
    throw new ArgumentTypeError(`${op}: interpolation should be an InterpolationMode (${MODES.map((m) => `'${m}'`).join(', ')}), got ${describeInput(value)}`);
  }
  if (!MODES.includes(value)) {
    throw new ValueError(`${op}: unknown interpolation '${value}' (expected one of ${MODES.map((m) => `'${m}'`).join(', ')})`);
  }
  return value as InterpolationMode;
}

/** @internal Throws unless `value` is an integer (a pixel count or offset). */
export function checkInteger(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new (typeof value === 'number' ? ValueError : ArgumentTypeError)(`${op}: ${name} should be an integer, got ${describeInput(value)}`);
  }
  return value;
}

/** @internal Throws unless `value` is a finite number. */
export function checkNumber(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new (typeof value === 'number' ? ValueError : ArgumentTypeError)(`${op}: ${name} should be a finite number, got ${describeInput(value)}`);
  }
  return value;
}

/** @internal `value` as a list of numbers (a number makes a list of one); throws on anything else. */
export function numberList(value: unknown, name: string, op: string): number[] {
  if (typeof value === 'number') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number')) {
    throw new ArgumentTypeError(`${op}: ${name} should be a number or a list of numbers, got ${describeInput(value)}`);
  }
  return value as number[];
}

/** @internal A `[height, width]` crop size from a number, `[s]` or `[h, w]` (torchvision's `_setup_size`). */
export function parseCropSize(size: unknown, op: string): [number, number] {
  const list = numberList(size, 'size', op);
  if (list.length !== 1 && list.length !== 2) {
    throw new ValueError(`${op}: size should be a number or a list of 1 or 2 numbers (h, w), got [${list.join(', ')}]`);
  }
  const [h, w] = list.length === 1 ? [list[0]!, list[0]!] : [list[0]!, list[1]!];
  for (const v of [h, w]) {
    if (!Number.isInteger(v) || v < 0) throw new ValueError(`${op}: size should hold non-negative integers, got [${list.join(', ')}]`);
  }
  return [h, w];
}

/** @internal Python's `round` (ties to even), which torchvision uses for centre offsets. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** @internal Python's float `%` (the result takes the divisor's sign). */
export function pyMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m === 0 ? 0 * b : m;
}

/**
 * @internal The fill color of an Image transform as torchvision's `_parse_fill` makes it: `undefined`
 * is 0, a number repeats over the channels, a list needs one value per channel; values are
 * truncated to integers (and, as PIL stores them, clipped to 0..255).
 */
export function imageFill(fill: unknown, channels: number, op: string): number[] {
  const values = fill === undefined || fill === null ? [0] : numberList(fill, 'fill', op);
  if (typeof fill !== 'number' && fill !== undefined && fill !== null && values.length !== channels) {
    throw new ValueError(`${op}: the number of elements in 'fill' does not match the number of channels of the image (${values.length} != ${channels})`);
  }
  const list = values.length === 1 ? new Array<number>(channels).fill(values[0]!) : values;
  return list.map((v) => {
    if (!Number.isFinite(v)) throw new ValueError(`${op}: fill values should be finite numbers, got ${v}`);
    return Math.min(255, Math.max(0, Math.trunc(v)));
  });
}

/**
 * @internal The fill of a tensor grid transform (torchvision's `_assert_grid_transform_inputs`):
 * `null` when none is given (zeros outside, no mask), else one value or one per channel.
 */
export function tensorFill(fill: unknown, channels: number, op: string): number[] | null {
  if (fill === undefined || fill === null) return null;
  const values = numberList(fill, 'fill', op);
  if (values.length > 1 && values.length !== channels) {
    throw new ValueError(`${op}: the number of elements in 'fill' cannot broadcast to match the number of channels of the image (${values.length} != ${channels})`);
  }
  if (values.length === 0) throw new ValueError(`${op}: fill should hold at least one value, got []`);
  for (const v of values) if (!Number.isFinite(v)) throw new ValueError(`${op}: fill values should be finite numbers, got ${v}`);
  return values;
}
