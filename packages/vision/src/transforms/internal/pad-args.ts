import { ArgumentTypeError, ValueError } from '@dl/core';
import type { PaddingMode } from '../functional/pad';
import { describeArg } from './transform-args';

export type { PaddingMode };

const MODES: readonly string[] = ['constant', 'edge', 'reflect', 'symmetric'];

/** @internal torchvision's `Pad` checks of `padding` (a number or 1, 2 or 4 numbers). */
export function checkPadding(padding: unknown, op: string): number | readonly number[] {
  if (typeof padding === 'number') return padding;
  if (!Array.isArray(padding) || padding.some((p) => typeof p !== 'number')) {
    throw new ArgumentTypeError(`${op}: Got inappropriate padding arg: expected a number or a list of 1, 2 or 4 numbers, got ${describeArg(padding)}`);
  }
  if (![1, 2, 4].includes(padding.length)) {
    throw new ValueError(`${op}: Padding must be an int or a 1, 2, or 4 element tuple, not a ${padding.length} element tuple: ${describeArg(padding)}`);
  }
  return [...padding] as number[];
}

/** @internal torchvision's `Pad` checks of `fill` (a number or a list of numbers). */
export function checkPadFill(fill: unknown, op: string): number | readonly number[] {
  if (fill === undefined) return 0;
  if (typeof fill === 'number') return fill;
  if (!Array.isArray(fill) || fill.some((p) => typeof p !== 'number')) {
    throw new ArgumentTypeError(`${op}: Got inappropriate fill arg: expected a number or a list of numbers, got ${describeArg(fill)}`);
  }
  return [...fill] as number[];
}

/** @internal Checks `paddingMode` (default `'constant'`). */
export function checkPaddingMode(mode: unknown, op: string): PaddingMode {
  if (mode === undefined) return 'constant';
  if (typeof mode !== 'string' || !MODES.includes(mode)) {
    throw new ValueError(`${op}: Padding mode should be either constant, edge, reflect or symmetric, got ${describeArg(mode)}`);
  }
  return mode as PaddingMode;
}
