import { ValueError } from '../../errors/value-error';
import type { Generator } from '../../random/generator';
import type { DType } from '../../tensor/dtype';
import { numelOf } from './creation-options';
import { fromHost } from './host-values';
import { assertNumber } from '../arg-checks';

/** @internal Checks randint bounds: integers with low < high. */
export function checkIntBounds(low: unknown, high: unknown, op: string): void {
  assertNumber(low, op, 'low');
  assertNumber(high, op, 'high');
  if (!Number.isInteger(low) || !Number.isInteger(high)) {
    throw new ValueError(`${op}: low and high must be integers, got ${String(low)} and ${String(high)}`);
  }
  if (low >= high) throw new ValueError(`${op}: random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
}

/** @internal Integers in [low, high) as PyTorch draws them (`random() % range + low`). */
export function randintValues(low: number, high: number, shape: number[], dtype: DType, gen: Generator, op = 'randint') {
  const n = numelOf(shape);
  const values = new Float64Array(n);
  const range = high - low;
  for (let i = 0; i < n; i++) values[i] = gen.nextInt(range) + low;
  return fromHost(values, shape, dtype, op);
}

/** @internal 0/1 draws: element i is 1 when a float uniform falls below `probs[i]` (PyTorch's CPU rule). */
export function bernoulliValues(probs: ArrayLike<number>, shape: number[], dtype: DType, gen: Generator, op: string) {
  const n = probs.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) throw new ValueError(`${op}: expected 0 <= p <= 1 for every probability, got ${p}`);
    out[i] = gen.nextFloat() < p ? 1 : 0;
  }
  return fromHost(out, shape, dtype);
}
