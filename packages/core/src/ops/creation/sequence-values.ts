import { ValueError } from '../../errors/value-error';

/** @internal Checks `steps` of linspace/logspace. */
export function checkSteps(steps: unknown, op: string): number {
  if (typeof steps !== 'number' || !Number.isInteger(steps)) throw new ValueError(`${op}: steps must be an integer, got ${String(steps)}`);
  if (steps < 0) throw new ValueError(`${op}: number of steps must be non-negative, got ${steps}`);
  return steps;
}

/**
 * @internal PyTorch's linspace values in float32 arithmetic: the first half counted up from
 * `start`, the second half counted down from `end`, so both ends are exact.
 */
export function linspaceValues(start: number, end: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  if (steps === 1) out[0] = start;
  if (steps <= 1) return out;
  const f = Math.fround;
  const s = f(start);
  const e = f(end);
  const step = f((e - s) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) out[i] = i < halfway ? f(s + f(step * i)) : f(e - f(step * (steps - i - 1)));
  return out;
}
