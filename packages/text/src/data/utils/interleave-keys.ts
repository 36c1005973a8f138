/**
 * One sort key from two (torchtext's `interleave_keys`): the bits of `a` and `b` (16 each)
 * interleaved, so examples similar in both keys get similar values, e.g. for translation pairs.
 *
 * @example
 * ```ts
 * const sortKey = (ex: Example) => interleaveKeys((ex.src as string[]).length, (ex.trg as string[]).length);
 * interleaveKeys(3, 5); // 27
 * ```
 */
export function interleaveKeys(a: number, b: number): number {
  const bits = (x: number) => (x >>> 0).toString(2).padStart(16, '0');
  const x = bits(a);
  const y = bits(b);
  let out = '';
  for (let i = 0; i < Math.min(x.length, y.length); i++) out += x[i]! + y[i]!;
  return Number.parseInt(out, 2);
}
