import { ValueError } from '@dl/core';
import { checkInt } from './checks';

/**
 * @internal The values of a torch window function in float32 arithmetic, as torch computes them:
 * `periodic` windows are the first `n` of `n + 1` points.
 */
export function windowValues(op: string, windowLength: number, periodic: boolean, at: (x: number, denom: number) => number): Float32Array {
  checkInt(windowLength, op, 'windowLength', 0);
  if (typeof periodic !== 'boolean') throw new ValueError(`${op}: expected periodic to be a boolean, got ${String(periodic)}`);
  const out = new Float32Array(windowLength);
  if (windowLength === 1) out[0] = 1;
  else if (windowLength > 1) {
    const m = periodic ? windowLength + 1 : windowLength;
    for (let i = 0; i < windowLength; i++) out[i] = at(i, m - 1);
  }
  return out;
}

/** @internal The modified Bessel function of the first kind, order 0 (power series, double precision). */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}
