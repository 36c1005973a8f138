import { ValueError } from '../../errors/value-error';
import { Generator } from '../../random/generator';

/** @internal Throws unless `value` is a positive integer (PyTorch's sampler checks). */
export function checkPositiveInt(value: unknown, name: string, who: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ValueError(`${who}: ${name} should be a positive integer value, but got ${name}=${String(value)}`);
  }
  return value;
}

/** @internal Throws unless `value` is a boolean. */
export function checkBool(value: unknown, name: string, who: string): boolean {
  if (typeof value !== 'boolean') throw new ValueError(`${who}: ${name} should be a boolean value, but got ${name}=${String(value)}`);
  return value;
}

/** @internal The length of a sized source, checked. */
export function sizeOf(source: { readonly length: number }, who: string): number {
  const n = source?.length;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ValueError(`${who}: the data source must have a non-negative integer length, got ${String(n)}`);
  }
  return n;
}

/**
 * @internal A random permutation of 0..n-1 drawn exactly as PyTorch's CPU `randperm` draws it
 * (one `random() % (n - i)` per swap), so seeded shuffles match PyTorch's.
 */
export function randpermArray(n: number, gen: Generator): number[] {
  const r = new Array<number>(n);
  for (let i = 0; i < n; i++) r[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = gen.nextInt(n - i);
    const t = r[i];
    r[i] = r[i + z];
    r[i + z] = t;
  }
  return r;
}

/**
 * @internal Draws a seed the way PyTorch draws `torch.empty((), dtype=torch.int64).random_()`
 * (two 32-bit words, high first). Returns a non-negative safe integer whose low 32 bits are
 * PyTorch's (what seeding a Mersenne Twister uses).
 */
export function drawSeed(gen: Generator): number {
  const hi = gen.nextUint32();
  const lo = gen.nextUint32();
  return (hi & 0xfffff) * 0x100000000 + lo;
}

/** @internal A fresh generator seeded from `gen`, as PyTorch's samplers make one per pass. */
export function forkGenerator(gen: Generator): Generator {
  return new Generator(drawSeed(gen) % 0x100000000);
}
