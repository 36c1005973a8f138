import { type DType, tensor, type Tensor } from '@dl/core';

/** @internal Python's `int(s)` / `float(s)` of a string, or undefined when it would raise. */
export function parseNumber(s: string, integer: boolean): number | undefined {
  const t = s.trim().replaceAll('_', '');
  if (integer) return /^[+-]?\d+$/.test(t) ? Number.parseInt(t, 10) : undefined;
  if (/^[+-]?(nan|inf|infinity)$/i.test(t)) return Number(t.replace(/inf(inity)?/i, 'Infinity').replace(/nan/i, 'NaN'));
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

/** @internal The typed array a dtype is stored in. */
export function typedArrayFor(dtype: DType, n: number): Int32Array | Float32Array {
  return dtype === 'float32' ? new Float32Array(n) : new Int32Array(n);
}

/**
 * @internal A tensor from rows of numbers: shape `[rows, cols]` (`timeMajor`: `[cols, rows]`,
 * written transposed directly rather than through a transpose op).
 */
export function matrixTensor(rows: readonly (readonly number[])[], cols: number, dtype: DType, timeMajor: boolean): Tensor {
  const b = rows.length;
  const flat = typedArrayFor(dtype === 'bool' ? 'int32' : dtype, b * cols);
  for (let i = 0; i < b; i++) {
    const row = rows[i]!;
    if (timeMajor) for (let j = 0; j < cols; j++) flat[j * b + i] = row[j]!;
    else flat.set(row, i * cols);
  }
  const t = tensor(flat, { dtype });
  const out = t.reshape(timeMajor ? [cols, b] : [b, cols]);
  t.dispose();
  return out;
}
