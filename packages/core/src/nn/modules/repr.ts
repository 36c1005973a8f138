/** @internal Python's float text (`1.0`, `0.01`, `1e-05`) for module reprs. */
export function pyFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  // Python's repr switches to exponent form below 1e-4 and from 1e16, with 2-digit exponents.
  const a = Math.abs(x);
  const s = a < 1e-4 || a >= 1e16 ? x.toExponential() : String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** @internal Python's bool text. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** @internal Python's tuple text of ints: `(3, 3)`, `(2,)`. */
export function pyTuple(v: readonly number[]): string {
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

/** @internal A value as PyTorch prints it: ints bare, tuples as `(2, 2)`, strings bare. */
export function pyValue(v: number | string | readonly number[] | null): string {
  if (v === null) return 'None';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return pyTuple(v);
}

/** @internal An adaptive output size as PyTorch prints it: `5`, `(5, 7)`, `(None, 7)`. */
export function pyTupleOrNone(v: number | readonly (number | null)[]): string {
  if (typeof v === 'number') return String(v);
  return `(${v.map((x) => (x === null ? 'None' : String(x))).join(', ')})`;
}
