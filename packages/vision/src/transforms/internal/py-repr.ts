/**
 * @internal Python's `repr` of a float (what torchvision's reprs print for values it made with
 * `float()`): shortest round-trip digits, `1.0` for whole numbers, exponent form below 1e-4 and
 * from 1e16 (`1e-05`, `1.5e+16`), `nan`, `inf`.
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** @internal A number as Python prints it when it may be an int or a float: whole numbers as ints. */
export function pyNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? String(x) : pyFloat(x);
}

/** @internal A sequence as a Python list (`[1, 2]`) or tuple (`(1, 2)`, `(1,)`), items formatted by `item`. */
export function pySeq(values: readonly unknown[], kind: 'list' | 'tuple', item: (v: unknown) => string = pyValue): string {
  const inner = values.map(item).join(', ');
  if (kind === 'list') return `[${inner}]`;
  return values.length === 1 ? `(${inner},)` : `(${inner})`;
}

/** @internal A float sequence as a Python list or tuple (`[-30.0, 30.0]`). */
export function pyFloats(values: readonly number[], kind: 'list' | 'tuple'): string {
  return pySeq(values, kind, (v) => pyFloat(v as number));
}

/**
 * @internal A value as a Python f-string prints it: `None`, `True`/`False`, numbers (whole ones
 * as ints), strings without quotes, arrays as lists.
 */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (Array.isArray(v)) return pySeq(v, 'list');
  return String(v);
}
