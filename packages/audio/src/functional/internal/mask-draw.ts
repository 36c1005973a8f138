import { ValueError } from '@dl/core';
import { checkInt, checkNumber } from './checks';

/** @internal torchaudio's `_get_mask_param`: the largest mask length allowed by `p`. */
export function maskParamFor(maskParam: number, p: number, axisLength: number): number {
  return p === 1 ? maskParam : Math.min(maskParam, Math.trunc(axisLength * p));
}

/** @internal Checks the arguments shared by the masking functions. */
export function checkMaskArgs(op: string, maskParam: number, maskValue: number, p: number): void {
  checkInt(maskParam, op, 'maskParam', 0);
  checkNumber(maskValue, op, 'maskValue');
  checkNumber(p, op, 'p');
  if (!(p >= 0 && p <= 1)) throw new ValueError(`${op}: the value of p must be between 0.0 and 1.0, got ${p}`);
}

/**
 * @internal One mask interval as torchaudio draws it, in float32: its length `v = u1 * maskParam`
 * and start `v0 = u2 * (size - v)`, masking `[trunc(v0), trunc(v0) + trunc(v))`.
 */
export function maskInterval(u1: number, u2: number, maskParam: number, size: number): [number, number] {
  const f = Math.fround;
  const value = f(u1 * f(maskParam));
  const minValue = f(u2 * f(size - value));
  const start = Math.trunc(minValue);
  return [start, start + Math.trunc(value)];
}
